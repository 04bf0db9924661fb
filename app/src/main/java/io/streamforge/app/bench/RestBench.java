package io.streamforge.app.bench;

import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.ClientListener;
import io.streamforge.binance.WeightBudget;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import io.streamforge.sim.SimStats;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench rest}: REST weight-budget efficiency. The simulator and the clients share one {@link
 * ScaledClock}, so a simulated minute (the weight window on both sides, Retry-After, bans, backoff)
 * lasts {@code 60 / time-scale} wall seconds. Two loaders per symbol (klines 1m and aggTrades, the
 * real {@link BinanceRestClient} paging) share one {@link WeightBudget}, as loaders on one IP do.
 * First the same load runs without a limit (the raw capacity of this machine), then under the limit
 * for whole windows, counting what the simulator admitted and every 429/418.
 */
final class RestBench {
    record Options(
            List<Symbol> symbols,
            double timeScale,
            int windows,
            int weightLimit,
            double margin,
            double rawSeconds) {}

    private static final long WINDOW_US = 60_000_000L;
    private static final TimeRange LOAD_RANGE = TimeRange.parseDays("2024-01-01:2024-06-01");

    private final PrintStream out;

    RestBench(PrintStream out) {
        this.out = out;
    }

    RestEfficiency run(Options o) {
        ScaledClock clock =
                new ScaledClock(Micros.of(Instant.parse("2024-07-01T00:00:00Z")), o.timeScale());
        SimConfig cfg =
                SimConfig.defaults()
                        .withSymbols(o.symbols())
                        .withTimeSource(clock)
                        .withWeightLimitPerMinute(Integer.MAX_VALUE / 2);
        double windowSeconds = 60.0 / o.timeScale();
        try (ExchangeSimulator sim = ExchangeSimulator.start(cfg)) {
            out.printf(
                    "» simulator %s, %d symbols, weight window %.2f s (time scale %.0f)%n",
                    sim.baseUrl(), o.symbols().size(), windowSeconds, o.timeScale());
            double raw = rawWeightPerSecond(sim, clock, o);
            int limit =
                    o.weightLimit() > 0
                            ? o.weightLimit()
                            : RestEfficiency.autoLimit(raw, windowSeconds);
            out.printf("» raw capacity %,.0f weight/s; limit %,d per window%n", raw, limit);
            sim.faults().weightLimitPerMinute(limit);
            sim.resetRateLimits();
            SimStats.Counts before = sim.stats().total();
            BinanceClientConfig client =
                    BinanceClientConfig.defaults(sim.baseUrl()).withWeightLimit(limit, o.margin());
            Load load =
                    new Load(
                            client,
                            new WeightBudget(client.effectiveWeightLimit()),
                            clock,
                            o.symbols());
            long first = Math.floorDiv(clock.nowUs(), WINDOW_US) * WINDOW_US + 2 * WINDOW_US;
            clock.sleepUntil(first);
            long w0 = sim.stats().total().weight();
            clock.sleepUntil(first + o.windows() * WINDOW_US);
            long w1 = sim.stats().total().weight();
            load.stop();
            SimStats.Counts after = sim.stats().total();
            long tooMany = after.tooManyRequests() - before.tooManyRequests();
            long banned = after.banned() - before.banned();
            var r = new RestEfficiency(w1 - w0, o.windows(), limit, o.margin(), windowSeconds, raw);
            print(r, tooMany, banned, load.rateLimitedSeen.get(), load.failures);
            return r;
        }
    }

    private double rawWeightPerSecond(ExchangeSimulator sim, ScaledClock clock, Options o) {
        BinanceClientConfig client =
                BinanceClientConfig.defaults(sim.baseUrl())
                        .withWeightLimit(Integer.MAX_VALUE / 2, 1.0);
        Load load =
                new Load(
                        client,
                        new WeightBudget(client.effectiveWeightLimit()),
                        clock,
                        o.symbols());
        sleepMs(500);
        long w0 = sim.stats().total().weight();
        long t0 = System.nanoTime();
        sleepMs((long) (o.rawSeconds() * 1000));
        long w1 = sim.stats().total().weight();
        long t1 = System.nanoTime();
        load.stop();
        if (!load.failures.isEmpty()) {
            throw new IllegalStateException(
                    "raw load failed: " + load.failures.get(0), load.failures.get(0));
        }
        return (w1 - w0) / ((t1 - t0) / 1e9);
    }

    private void print(
            RestEfficiency r,
            long tooMany,
            long banned,
            long clientLimited,
            List<Exception> failures) {
        out.println();
        out.printf("raw capacity (no limit)           %,12.0f weight/s%n", r.rawWeightPerSecond());
        out.printf(
                "limit                             %,12d weight/window (%.2f s) = %.2f of raw%n",
                r.limitPerWindow(), r.windowSeconds(), r.limitOfRaw());
        out.printf(
                "client allowance (margin %.2f)    %,12d weight/window%n",
                r.margin(), r.allowancePerWindow());
        out.printf(
                "achieved over %d windows          %,12.1f weight/window%n",
                r.windows(), r.weightPerWindow());
        out.printf("achieved / limit                  %12.3f%n", r.ofLimit());
        out.printf(
                "achieved / client allowance       %12.3f  (target ≥ %.2f with zero 429s)%n",
                r.ofAllowance(), RestEfficiency.TARGET);
        out.printf(
                "429 / 418 at the simulator        %12d / %d (client saw %d)%n",
                tooMany, banned, clientLimited);
        if (!failures.isEmpty()) {
            out.println("loader failures: " + failures.size() + ", first: " + failures.get(0));
        }
        out.println(
                r.meetsTarget(tooMany + banned) ? "RESULT: target met" : "RESULT: target NOT met");
    }

    /** Two loader threads per symbol (klines 1m, aggTrades) looping over the load range. */
    private static final class Load {
        private volatile boolean stopped;
        private final List<Thread> threads = new ArrayList<>();
        final List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong rateLimitedSeen = new AtomicLong();

        Load(
                BinanceClientConfig config,
                WeightBudget budget,
                ScaledClock clock,
                List<Symbol> symbols) {
            ClientListener listener =
                    new ClientListener() {
                        @Override
                        public void onRateLimited(int status, long retryAfterMs) {
                            rateLimitedSeen.incrementAndGet();
                        }
                    };
            for (Symbol s : symbols) {
                for (boolean klines : new boolean[] {true, false}) {
                    var client =
                            new BinanceRestClient(config, budget, clock, clock.sleeper(), listener);
                    Thread t =
                            new Thread(
                                    () -> loop(client, s, klines),
                                    "bench-rest-" + s + (klines ? "-kl" : "-at"));
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                }
            }
        }

        private void loop(BinanceRestClient client, Symbol s, boolean klines) {
            try {
                while (!stopped) {
                    if (klines) {
                        client.klines(s, Interval.M1, LOAD_RANGE, page -> checkStopped());
                    } else {
                        client.aggTrades(s, LOAD_RANGE, page -> checkStopped());
                    }
                }
            } catch (Stopped e) {
                // measurement over
            } catch (RuntimeException e) {
                if (!stopped) {
                    failures.add(e);
                }
            }
        }

        private void checkStopped() {
            if (stopped) {
                throw new Stopped();
            }
        }

        void stop() {
            stopped = true;
            for (Thread t : threads) {
                t.interrupt();
            }
            for (Thread t : threads) {
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while stopping the load", e);
                }
            }
        }
    }

    static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }
}
