package io.streamforge.indicators;

/**
 * On-balance volume as TA-Lib: starts at the first candle's volume (ta4j starts at 0), then adds
 * the volume on an up close, subtracts it on a down close, keeps it on an unchanged close.
 */
public final class Obv {
    private boolean started;
    private double prevClose;
    private double obv;

    public double update(double close, double volume) {
        if (!started) {
            started = true;
            obv = volume;
        } else if (close > prevClose) {
            obv += volume;
        } else if (close < prevClose) {
            obv -= volume;
        }
        prevClose = close;
        return obv;
    }

    public void reset() {
        started = false;
        prevClose = 0.0;
        obv = 0.0;
    }
}
