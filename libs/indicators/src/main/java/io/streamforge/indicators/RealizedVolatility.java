package io.streamforge.indicators;

/**
 * Realised volatility over the last {@code period} log returns: {@code sqrt(Σ ln(c_t / c_{t-1})²)},
 * not demeaned and not annualised (multiply by {@code sqrt(periods per year / period)} to
 * annualise). The first output is at index {@code period}. Closes must be positive.
 */
public final class RealizedVolatility {
    private final RollingSum squares;
    private boolean started;
    private double prevClose;

    public RealizedVolatility(int period) {
        Periods.check("RVOL period", period);
        this.squares = new RollingSum(period);
    }

    public double update(double close) {
        if (!started) {
            started = true;
            prevClose = close;
            return Double.NaN;
        }
        double r = Math.log(close / prevClose);
        prevClose = close;
        return squares.add(r * r) ? Math.sqrt(Math.max(0.0, squares.sum())) : Double.NaN;
    }

    public void reset() {
        squares.reset();
        started = false;
        prevClose = 0.0;
    }
}
