package io.streamforge.indicators;

/**
 * True range {@code max(high - low, |high - prevClose|, |low - prevClose|)}. As in TA-Lib the first
 * candle has no previous close and yields NaN (ta4j would report {@code high - low} there).
 */
public final class TrueRange {
    private boolean started;
    private double prevClose;

    public double update(double high, double low, double close) {
        double tr = Double.NaN;
        if (started) {
            tr =
                    Math.max(
                            high - low,
                            Math.max(Math.abs(high - prevClose), Math.abs(low - prevClose)));
        }
        started = true;
        prevClose = close;
        return tr;
    }

    public void reset() {
        started = false;
        prevClose = 0.0;
    }
}
