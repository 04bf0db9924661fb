package io.streamforge.indicators;

/**
 * VWAP anchored at 00:00 UTC: {@code Σ quoteVolume / Σ volume} of the candles of the current UTC
 * day (by open time), reset when a candle opens on a new day. NaN while the day has no volume.
 */
public final class DailyVwap {
    private static final long DAY_US = 86_400_000_000L;
    private long day = Long.MIN_VALUE;
    private double quote;
    private double base;

    public double update(long openTimeUs, double quoteVolume, double volume) {
        long d = Math.floorDiv(openTimeUs, DAY_US);
        if (d != day) {
            day = d;
            quote = 0.0;
            base = 0.0;
        }
        quote += quoteVolume;
        base += volume;
        return base != 0.0 ? quote / base : Double.NaN;
    }

    public void reset() {
        day = Long.MIN_VALUE;
        quote = 0.0;
        base = 0.0;
    }
}
