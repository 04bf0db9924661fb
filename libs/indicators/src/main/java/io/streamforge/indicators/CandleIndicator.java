package io.streamforge.indicators;

/**
 * One indicator fed candle by candle, with one or more output parts (see {@link
 * IndicatorSpec#columns()}). Implementations are allocation-free per update.
 */
public interface CandleIndicator {
    /** Feeds the next candle (open times strictly increasing). */
    void update(
            long openTimeUs,
            double open,
            double high,
            double low,
            double close,
            double volume,
            double quoteVolume);

    /** Output part {@code i} after the last update; NaN during warm-up. */
    double value(int part);

    /** Number of output parts. */
    int parts();

    /** Forgets all state. */
    void reset();

    /** Creates the streaming indicator for a spec. */
    static CandleIndicator of(IndicatorSpec spec) {
        return CandleIndicators.create(spec);
    }
}
