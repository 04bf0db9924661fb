package io.streamforge.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A planned {@code serverShutdown} from the real simulator (libs/exchange-sim, over loopback): the
 * simulator announces it and closes the socket only after a grace, so the feed must switch
 * make-before-break — a rotation, no drop, no gap, every aggTrade id exactly once.
 */
class SimServerShutdownIT {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final String AGG = "btcusdt@aggTrade";

    private final AtomicLong nowUs =
            new AtomicLong(Micros.of(Instant.parse("2024-03-01T12:00:00Z")));

    @Test
    void plannedShutdownIsARotationWithoutGapOrDuplicate() throws Exception {
        List<Long> ids = new CopyOnWriteArrayList<>();
        List<String> lifecycle = new CopyOnWriteArrayList<>();
        List<WsGap> gaps = new CopyOnWriteArrayList<>();
        WsFeedListener listener =
                new WsFeedListener() {
                    @Override
                    public void onAggTrade(String stream, AggTrade t) {
                        ids.add(t.aggId());
                    }

                    @Override
                    public void onRotated(int shard, String reason) {
                        lifecycle.add("rotated " + reason);
                    }

                    @Override
                    public void onDropped(int shard, String reason) {
                        lifecycle.add("dropped " + reason);
                    }

                    @Override
                    public void onGap(WsGap gap) {
                        gaps.add(gap);
                    }
                };
        AtomicBoolean ticking = new AtomicBoolean(true);
        try (ExchangeSimulator sim =
                ExchangeSimulator.start(
                        SimConfig.defaults()
                                .withSymbols("BTCUSDT")
                                .withAggTradesPerDay(86_400)
                                .withTimeSource(nowUs::get))) {
            Thread clock = new Thread(() -> advanceWhile(ticking), "test-clock");
            WsFeedConfig cfg =
                    WsFeedConfig.defaults(sim.wsBaseUrl()).withTimeouts(60_000, 5_000, 50, 200);
            try (BinanceWsFeed feed =
                    new BinanceWsFeed(cfg, List.of(WsStream.aggTrade(BTC)), listener)) {
                feed.start();
                assertThat(feed.awaitConnected(10_000)).isTrue();
                clock.start();
                await(() -> ids.size() >= 50, "trades before the shutdown");
                sim.faults().serverShutdown(1_500);
                await(() -> lifecycle.contains("rotated serverShutdown"), "rotation");
                int atRotation = ids.size();
                await(() -> ids.size() >= atRotation + 50, "trades after the rotation");
                Thread.sleep(1_700); // past the grace: the simulator's close is harmless now
                ticking.set(false);
                clock.join();
                Thread.sleep(300); // the last polled events arrive
                assertThat(sim.webSocketConnections())
                        .as("only the replacement is open")
                        .isEqualTo(1);
            }
        }
        assertThat(lifecycle).containsExactly("rotated serverShutdown");
        assertThat(gaps).as("no backfill needed").isEmpty();
        List<Long> expected = new ArrayList<>();
        for (long id = ids.get(0); id <= ids.get(ids.size() - 1); id++) expected.add(id);
        assertThat(ids)
                .as("every id exactly once, in order, across the switch")
                .isEqualTo(expected);
        System.out.println("planned serverShutdown: " + ids.size() + " aggTrades, " + lifecycle);
    }

    /** 10 s of exchange time every 20 ms wall (~500 aggTrades/s at 86 400 a day). */
    private void advanceWhile(AtomicBoolean ticking) {
        while (ticking.get()) {
            nowUs.addAndGet(10_000_000L);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static void await(BooleanSupplier cond, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out: " + what);
            Thread.sleep(10);
        }
    }
}
