package io.streamforge.sim;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.TimeRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Run-time adjustments of the market model that must look the same in REST, streams and dumps:
 * maintenance windows (whole minutes without trades; the day's fixed trade count moves to the open
 * minutes, so ids stay contiguous) and invalidated aggTrades (a seeded subset by agg id).
 */
final class ModelAdjustments {
    private static final long MINUTE_US = 60_000_000L;
    private final long seed;
    private volatile List<TimeRange> maintenance = List.of();
    private volatile double invalidFraction;

    ModelAdjustments(long seed) {
        this.seed = seed;
    }

    /**
     * Sets the maintenance windows: no trades (hence no aggTrades, klines, stream events or dump
     * rows) in them. Windows are widened to whole minutes; no UTC day may be covered entirely. Ids
     * stay contiguous (a day keeps its fixed trade count, moved to the open minutes).
     */
    void setMaintenance(List<TimeRange> windows) {
        List<TimeRange> rounded = new ArrayList<>();
        for (TimeRange w : windows) {
            long start = Math.floorDiv(w.startUs(), MINUTE_US) * MINUTE_US;
            long end = -Math.floorDiv(-w.endUs(), MINUTE_US) * MINUTE_US;
            rounded.add(new TimeRange(start, end));
        }
        List<TimeRange> old = maintenance;
        maintenance = List.copyOf(rounded);
        for (TimeRange w : rounded) {
            long first = Math.floorDiv(w.startUs(), DayGenerator.DAY_US);
            for (long d = first; d * DayGenerator.DAY_US < w.endUs(); d++) {
                boolean[] closed = closedMinutes(d);
                boolean all = closed != null;
                for (int m = 0; all && m < closed.length; m++) {
                    all = closed[m];
                }
                if (all) {
                    maintenance = old;
                    throw new IllegalArgumentException(
                            "maintenance windows cover the whole UTC day "
                                    + java.time.LocalDate.ofEpochDay(d)
                                    + "; at least one minute of every day must stay open");
                }
            }
        }
    }

    List<TimeRange> maintenance() {
        return maintenance;
    }

    /** True when [startUs, endUs) lies inside one maintenance window. */
    boolean inMaintenance(long startUs, long endUs) {
        for (TimeRange w : maintenance) {
            if (w.startUs() <= startUs && endUs <= w.endUs()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fraction in [0, 1] of aggTrades served invalidated ({@code p=0, q=0, f=-1, l=-1}, as Binance
     * does for audited duplicates): a seeded subset by agg id, the same in REST, streams and dumps.
     */
    void setInvalidFraction(double fraction) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException(
                    "invalidAggTradeFraction must be in [0, 1], got " + fraction);
        }
        this.invalidFraction = fraction;
    }

    double invalidFraction() {
        return invalidFraction;
    }

    /** The aggTrade as served: invalidated when in the seeded subset. */
    AggTrade visible(AggTrade t) {
        double f = invalidFraction;
        if (f <= 0
                || Noise.unit(Noise.hash(seed, Noise.id(t.symbol().value()), 0x1A7L, t.aggId()))
                        >= f) {
            return t;
        }
        return new AggTrade(
                t.symbol(),
                t.aggId(),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                -1,
                -1,
                t.timeUs(),
                t.buyerMaker(),
                t.bestMatch());
    }

    boolean[] closedMinutes(long epochDay) {
        List<TimeRange> windows = maintenance;
        if (windows.isEmpty()) {
            return null;
        }
        long dayStart = epochDay * DayGenerator.DAY_US;
        boolean[] closed = null;
        for (TimeRange w : windows) {
            long from = Math.max(w.startUs(), dayStart);
            long to = Math.min(w.endUs(), dayStart + DayGenerator.DAY_US);
            for (long t = from; t < to; t += MINUTE_US) {
                closed = closed == null ? new boolean[1_440] : closed;
                closed[(int) ((t - dayStart) / MINUTE_US)] = true;
            }
        }
        return closed;
    }
}
