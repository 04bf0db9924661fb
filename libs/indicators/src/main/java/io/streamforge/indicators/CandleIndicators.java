package io.streamforge.indicators;

import java.util.Arrays;

/** Adapters from the single-purpose indicator classes to {@link CandleIndicator}. */
final class CandleIndicators {
    private CandleIndicators() {}

    /** Writes the outputs of one update into {@code out}. */
    private interface Updater {
        void update(
                long t, double o, double h, double l, double c, double v, double q, double[] out);
    }

    static CandleIndicator create(IndicatorSpec spec) {
        return switch (spec.kind()) {
            case SMA -> {
                Sma x = new Sma(spec.intParam(0));
                yield adapter(1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(c), x::reset);
            }
            case EMA -> {
                Ema x = new Ema(spec.intParam(0));
                yield adapter(1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(c), x::reset);
            }
            case WMA -> {
                Wma x = new Wma(spec.intParam(0));
                yield adapter(1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(c), x::reset);
            }
            case RSI -> {
                Rsi x = new Rsi(spec.intParam(0));
                yield adapter(1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(c), x::reset);
            }
            case RVOL -> {
                RealizedVolatility x = new RealizedVolatility(spec.intParam(0));
                yield adapter(1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(c), x::reset);
            }
            case STDDEV -> {
                StdDev x = new StdDev(spec.intParam(0), spec.doubleParam(1, 1.0));
                yield adapter(1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(c), x::reset);
            }
            default -> candleBased(spec);
        };
    }

    private static CandleIndicator candleBased(IndicatorSpec spec) {
        return switch (spec.kind()) {
            case TRANGE -> {
                TrueRange x = new TrueRange();
                yield adapter(
                        1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(h, l, c), x::reset);
            }
            case ATR -> {
                Atr x = new Atr(spec.intParam(0));
                yield adapter(
                        1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(h, l, c), x::reset);
            }
            case NATR -> {
                Atr x = new Atr(spec.intParam(0));
                yield adapter(
                        1,
                        (t, o, h, l, c, v, q, out) -> {
                            x.update(h, l, c);
                            out[0] = x.natr();
                        },
                        x::reset);
            }
            case OBV -> {
                Obv x = new Obv();
                yield adapter(1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(c, v), x::reset);
            }
            case VWAP -> vwap(spec);
            case BBANDS -> bollinger(spec);
            case MACD -> macd(spec);
            default -> throw new IllegalStateException("no adapter for " + spec.kind());
        };
    }

    private static CandleIndicator vwap(IndicatorSpec spec) {
        if (spec.daily()) {
            DailyVwap x = new DailyVwap();
            return adapter(1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(t, q, v), x::reset);
        }
        Vwap x = new Vwap(spec.intParam(0));
        return adapter(1, (t, o, h, l, c, v, q, out) -> out[0] = x.update(q, v), x::reset);
    }

    private static CandleIndicator bollinger(IndicatorSpec spec) {
        Bollinger x = new Bollinger(spec.intParam(0), spec.doubleParam(1, 2.0));
        return adapter(
                3,
                (t, o, h, l, c, v, q, out) -> {
                    x.update(c);
                    out[0] = x.upper();
                    out[1] = x.middle();
                    out[2] = x.lower();
                },
                x::reset);
    }

    private static CandleIndicator macd(IndicatorSpec spec) {
        Macd x = new Macd(spec.intParam(0), spec.intParam(1), spec.intParam(2));
        return adapter(
                3,
                (t, o, h, l, c, v, q, out) -> {
                    x.update(c);
                    out[0] = x.macd();
                    out[1] = x.signal();
                    out[2] = x.histogram();
                },
                x::reset);
    }

    private static CandleIndicator adapter(int parts, Updater updater, Runnable resetter) {
        return new Adapter(parts, updater, resetter);
    }

    private static final class Adapter implements CandleIndicator {
        private final double[] out;
        private final Updater updater;
        private final Runnable resetter;

        Adapter(int parts, Updater updater, Runnable resetter) {
            this.out = new double[parts];
            this.updater = updater;
            this.resetter = resetter;
            Arrays.fill(out, Double.NaN);
        }

        @Override
        public void update(long t, double o, double h, double l, double c, double v, double q) {
            updater.update(t, o, h, l, c, v, q, out);
        }

        @Override
        public double value(int part) {
            return out[part];
        }

        @Override
        public int parts() {
            return out.length;
        }

        @Override
        public void reset() {
            resetter.run();
            Arrays.fill(out, Double.NaN);
        }
    }
}
