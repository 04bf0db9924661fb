package io.streamforge.sim;

import java.util.Arrays;

/**
 * Generates {@link DayData} for one symbol-day from the seed alone, in O(trades of that day).
 *
 * <p>Trades per day are fixed ({@code perDay}); every minute gets one, the rest are spread over the
 * minutes by a seeded multinomial with an intraday activity profile. Each aggTrade holds 1 + k
 * trades where the extra trades (exactly {@code perDay} per day) are spread the same way, so the
 * first trade id of a day is {@code dayIndex × 2 × perDay}. Prices: mid from the correlated log
 * path, buyer-taker trades at the ask (mid rounded up to a tick), seller-taker trades at the bid.
 */
final class DayGenerator {
    static final long DAY_US = 86_400_000_000L;
    private static final long MINUTE_US = 60_000_000L;
    private static final int MINUTES = 1_440;

    private final long seed;
    private final int perDay;
    private final long genesisDay;
    private final PricePath market;

    DayGenerator(long seed, int perDay, long genesisDay) {
        this.seed = seed;
        this.perDay = perDay;
        this.genesisDay = genesisDay;
        this.market = new PricePath(seed, 0x4d41524b4554L, 0.0004);
    }

    PricePath pathFor(SymbolSpec spec) {
        return new PricePath(seed, Noise.id(spec.symbol().value()), 0.0004);
    }

    /** Log mid price of {@code spec} at {@code timeUs}. */
    double logMid(SymbolSpec spec, PricePath own, long timeUs) {
        return StrictMath.log(spec.basePrice())
                + spec.beta() * market.at(timeUs)
                + spec.idiosyncratic() * own.at(timeUs);
    }

    DayData generate(SymbolSpec spec, PricePath own, long epochDay) {
        return generate(spec, own, epochDay, null);
    }

    /**
     * The day with no trades in the minutes flagged in {@code closed} (maintenance): each open
     * minute gets one trade and the rest of the day's fixed count is spread over open minutes only,
     * so ids stay contiguous and arithmetic. {@code closed} null = all minutes open.
     */
    DayData generate(SymbolSpec spec, PricePath own, long epochDay, boolean[] closed) {
        long sym = Noise.id(spec.symbol().value());
        long daySeed = Noise.hash(seed, sym, epochDay);
        int open = MINUTES;
        if (closed != null) {
            for (boolean c : closed) {
                open -= c ? 1 : 0;
            }
        }
        int[] perMinute = spread(daySeed, MINUTES, perDay - open, true, closed);
        int[] extraTrades = spread(Noise.mix(daySeed + 1), perDay, perDay, false, null);
        long dayIndex = epochDay - genesisDay;
        long dayStartUs = epochDay * DAY_US;
        long[] time = new long[perDay];
        long[] price = new long[perDay];
        long[] qty = new long[perDay];
        long[] firstTrade = new long[perDay];
        int[] inAgg = new int[perDay];
        boolean[] maker = new boolean[perDay];
        boolean[] best = new boolean[perDay];
        double tickFactor = StrictMath.pow(10, spec.tickScale());
        double stepFactor = StrictMath.pow(10, spec.stepScale());
        long nextTradeId = dayIndex * 2L * perDay;
        int i = 0;
        for (int m = 0; m < MINUTES; m++) {
            if (closed != null && closed[m]) {
                continue;
            }
            int n = perMinute[m] + 1;
            long minuteStart = dayStartUs + m * MINUTE_US;
            for (int j = 0; j < n; j++) {
                time[i + j] =
                        minuteStart
                                + (long) (Noise.unit(Noise.hash(daySeed, 3, i + j)) * MINUTE_US);
            }
            Arrays.sort(time, i, i + n);
            for (int j = 0; j < n; j++, i++) {
                long h = Noise.hash(daySeed, 5, i);
                double mid = StrictMath.exp(logMid(spec, own, time[i])) * tickFactor;
                maker[i] = (h & 1L) == 0;
                best[i] = Noise.unit(Noise.mix(h)) >= 0.001;
                price[i] = Math.max(1L, maker[i] ? (long) Math.floor(mid) : (long) Math.ceil(mid));
                double notional =
                        spec.medianNotional()
                                * StrictMath.exp(1.1 * Noise.gaussian(Noise.mix(h + 7)));
                double units = notional / (price[i] / tickFactor) * stepFactor;
                inAgg[i] = 1 + extraTrades[i];
                qty[i] = Math.max(inAgg[i], Math.min(1_000_000_000_000L, (long) units));
                firstTrade[i] = nextTradeId;
                nextTradeId += inAgg[i];
            }
        }
        return new DayData(
                spec,
                dayStartUs,
                dayIndex * perDay,
                time,
                price,
                qty,
                firstTrade,
                inAgg,
                maker,
                best);
    }

    /**
     * Spreads {@code total} items over {@code cells} by a seeded multinomial; with {@code intraday}
     * the cells (minutes) follow a daily activity profile (busier around 14:00 UTC).
     */
    private static int[] spread(
            long seed, int cells, int total, boolean intraday, boolean[] closed) {
        int[] out = new int[cells];
        if (total <= 0) {
            return out;
        }
        double[] cumulative = new double[cells];
        double acc = 0;
        for (int c = 0; c < cells; c++) {
            double w = 0.5 + Noise.unit(Noise.hash(seed, 11, c));
            if (intraday) {
                w *= 1.0 + 0.6 * StrictMath.cos(2 * Math.PI * (c / (double) cells - 14.0 / 24.0));
            }
            if (closed != null && closed[c]) {
                w = 0;
            }
            acc += w;
            cumulative[c] = acc;
        }
        for (int j = 0; j < total; j++) {
            double u = Noise.unit(Noise.hash(seed, 13, j)) * acc;
            int c = Arrays.binarySearch(cumulative, u);
            c = Math.min(c < 0 ? -c - 1 : c + 1, cells - 1);
            while (closed != null && closed[c]) {
                c = c + 1 < cells ? c + 1 : 0;
            }
            out[c]++;
        }
        return out;
    }
}
