package io.streamforge.app.bench;

import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.ClientListener;
import io.streamforge.binance.WeightBudget;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimStats;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The REST half of {@code bench client}: one client pages klines (or aggTrades) of one symbol for a
 * fixed wall time against the simulator's weight limit; pages/s and the 429/418 answers the
 * simulator counted in that time.
 */
final class ClientRest {
    static final Symbol SYMBOL = Symbol.of("BTCUSDT");
    static final TimeRange RANGE = TimeRange.parseDays("2024-01-01:2024-06-01");

    /** One phase: pages, wall seconds and the simulator's 429 and 418 answers. */
    record Phase(long pages, double seconds, long tooMany, long banned) {
        double perSecond() {
            return pages / seconds;
        }
    }

    private ClientRest() {}

    /** Ours: {@link BinanceRestClient} with its weight budget at the exchange's limit. */
    static Phase ours(
            ExchangeSimulator sim, ScaledClock clock, int limit, boolean klines, double seconds) {
        BinanceClientConfig cfg =
                BinanceClientConfig.defaults(sim.baseUrl())
                        .withWeightLimit(limit, BinanceClientConfig.DEFAULT_SAFETY_MARGIN);
        var client =
                new BinanceRestClient(
                        cfg,
                        new WeightBudget(cfg.effectiveWeightLimit()),
                        clock,
                        clock.sleeper(),
                        ClientListener.NONE);
        AtomicLong pages = new AtomicLong();
        long stopAt = System.nanoTime() + (long) (seconds * 1e9);
        SimStats.Counts before = sim.stats().total();
        long t0 = System.nanoTime();
        try {
            while (true) {
                if (klines) {
                    client.klines(SYMBOL, Interval.M1, RANGE, p -> page(pages, stopAt));
                } else {
                    client.aggTrades(SYMBOL, RANGE, p -> page(pages, stopAt));
                }
            }
        } catch (TimeUp done) {
            // the phase is over
        }
        return phase(sim, before, pages.get(), (System.nanoTime() - t0) / 1e9);
    }

    private static void page(AtomicLong pages, long stopAt) {
        pages.incrementAndGet();
        if (System.nanoTime() >= stopAt) {
            throw new TimeUp();
        }
    }

    static Phase phase(ExchangeSimulator sim, SimStats.Counts before, long pages, double s) {
        SimStats.Counts after = sim.stats().total();
        return new Phase(
                pages,
                s,
                after.tooManyRequests() - before.tooManyRequests(),
                after.banned() - before.banned());
    }

    private static final class TimeUp extends RuntimeException {
        TimeUp() {
            super(null, null, false, false);
        }
    }
}
