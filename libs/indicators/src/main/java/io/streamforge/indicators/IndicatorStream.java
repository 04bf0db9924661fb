package io.streamforge.indicators;

import io.streamforge.domain.Candle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Several indicators fed candle by candle, producing one row of named columns per candle, e.g. for
 * a live pipeline step. Results are identical to {@link Indicators#compute} on the same candles.
 * The row array is reused between updates (no allocation per candle): copy it to keep it.
 */
public final class IndicatorStream {
    private final List<CandleIndicator> indicators = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    private final double[] row;
    private long lastOpenTimeUs = Long.MIN_VALUE;

    public IndicatorStream(List<IndicatorSpec> specs) {
        Set<String> seen = new HashSet<>();
        for (IndicatorSpec spec : specs) {
            for (String column : spec.columns()) {
                if (!seen.add(column)) {
                    throw new IllegalArgumentException("duplicate indicator column " + column);
                }
                columns.add(column);
            }
            indicators.add(CandleIndicator.of(spec));
        }
        row = new double[columns.size()];
    }

    /** Column names in row order. */
    public List<String> columns() {
        return List.copyOf(columns);
    }

    /** Feeds one domain candle; returns the (reused) row of indicator values. */
    public double[] update(Candle c) {
        return update(
                c.openTimeUs(),
                c.open().doubleValue(),
                c.high().doubleValue(),
                c.low().doubleValue(),
                c.close().doubleValue(),
                c.volume().doubleValue(),
                c.quoteVolume().doubleValue());
    }

    /** Feeds one candle given as numbers; open times must be strictly increasing. */
    public double[] update(
            long openTimeUs,
            double open,
            double high,
            double low,
            double close,
            double volume,
            double quoteVolume) {
        if (openTimeUs <= lastOpenTimeUs) {
            throw new IllegalArgumentException(
                    "candle open time " + openTimeUs + " not after previous " + lastOpenTimeUs);
        }
        lastOpenTimeUs = openTimeUs;
        int col = 0;
        for (CandleIndicator ind : indicators) {
            ind.update(openTimeUs, open, high, low, close, volume, quoteVolume);
            for (int p = 0; p < ind.parts(); p++) {
                row[col++] = ind.value(p);
            }
        }
        return row;
    }

    /** Forgets all state (e.g. after a gap the caller does not want bridged). */
    public void reset() {
        indicators.forEach(CandleIndicator::reset);
        lastOpenTimeUs = Long.MIN_VALUE;
    }
}
