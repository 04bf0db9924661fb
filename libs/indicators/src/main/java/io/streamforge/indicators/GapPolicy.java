package io.streamforge.indicators;

/** What candle aggregation emits for an interval in which nothing traded. */
public enum GapPolicy {
    /** Emit nothing: the series has a gap (as Binance dump files and the kline stream). */
    SKIP,
    /**
     * Emit a flat candle: open = high = low = close = the previous close, zero volumes and trade
     * count (as the Binance REST klines endpoint and freqtrade). Only between two candles that have
     * trades; nothing is invented before the first or after the last one.
     */
    FLAT
}
