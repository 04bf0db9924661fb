package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.binance.book.LocalOrderBook;
import io.streamforge.binance.dump.DumpChecksumException;
import io.streamforge.binance.dump.DumpGap;
import io.streamforge.binance.dump.DumpReader;
import io.streamforge.binance.dump.DumpResult;
import io.streamforge.binance.dump.DumpSource;
import io.streamforge.binance.ws.BinanceWsFeed;
import io.streamforge.binance.ws.WsFeedConfig;
import io.streamforge.binance.ws.WsFeedListener;
import io.streamforge.binance.ws.WsGap;
import io.streamforge.binance.ws.WsStream;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client parts against the real simulator (libs/exchange-sim) over loopback. */
class ExchangeSimIT {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private final AtomicLong nowUs =
            new AtomicLong(Micros.of(Instant.parse("2024-03-01T12:00:00Z")));
    private final TimeSource clock = nowUs::get;
    private ExchangeSimulator sim;

    private void startSim() {
        sim =
                ExchangeSimulator.start(
                        SimConfig.defaults()
                                .withSymbols("BTCUSDT")
                                .withTimeSource(clock)
                                .withMicrosSwitchDate(LocalDate.of(2024, 2, 20))
                                .withWeightLimitPerMinute(
                                        1_000_000)); // the budget is not under test here
    }

    @AfterEach
    void stop() {
        if (sim != null) sim.close();
    }

    private BinanceRestClient rest() {
        return rest(false);
    }

    private BinanceRestClient rest(boolean micros) {
        BinanceClientConfig c =
                BinanceClientConfig.defaults(sim.baseUrl()).withMicroseconds(micros);
        return new BinanceRestClient(
                c, new WeightBudget(c.effectiveWeightLimit()), clock, Sleeper.system(), null);
    }

    static void await(BooleanSupplier cond, String what) throws InterruptedException {
        awaitFor(cond, () -> what);
    }

    static void awaitFor(BooleanSupplier cond, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(10);
        }
    }

    @Test
    void dumpFilesEqualRestAcrossTheMicrosecondSwitch() {
        startSim();
        DumpReader dumps = new DumpReader(DumpSource.http(sim.baseUrl(), Duration.ofSeconds(10)));
        TimeRange days = TimeRange.parseDays("2024-02-18:2024-02-21");
        List<Candle> fromDump = new ArrayList<>();
        DumpResult r = dumps.klines(BTC, Interval.H1, days, nowUs.get(), fromDump::addAll);
        assertThat(r.complete()).as("gaps %s", r.gaps()).isTrue();
        assertThat(fromDump).hasSize(4 * 24).isEqualTo(rest().klines(BTC, Interval.H1, days));

        // 2024-02-19 is a ms file; 2024-02-20 a µs file with sub-ms times: compare with REST in
        // the same unit
        for (String day : List.of("2024-02-19", "2024-02-20")) {
            TimeRange d = TimeRange.parseDays(day + ":" + day);
            List<AggTrade> aggDump = new ArrayList<>();
            assertThat(dumps.aggTrades(BTC, d, nowUs.get(), aggDump::addAll).complete()).isTrue();
            List<AggTrade> aggRest = rest(day.endsWith("20")).aggTrades(BTC, d);
            assertThat(aggDump).hasSameSizeAs(aggRest).isNotEmpty();
            for (int i = 0; i < aggRest.size(); i++) {
                assertThat(aggDump.get(i)).as("%s aggTrade %d", day, i).isEqualTo(aggRest.get(i));
            }
        }
    }

    @Test
    void corruptChecksumsAndMissingFilesFromTheSimulator() {
        startSim();
        DumpReader dumps = new DumpReader(DumpSource.http(sim.baseUrl(), Duration.ofSeconds(10)));
        sim.faults().missingDumpFiles(Set.of("BTCUSDT-1h-2024-02-18.zip"));
        DumpResult r =
                dumps.klines(
                        BTC,
                        Interval.H1,
                        TimeRange.parseDays("2024-02-18:2024-02-19"),
                        nowUs.get(),
                        l -> {});
        assertThat(r.gaps()).extracting(DumpGap::reason).containsExactly(DumpGap.Reason.NOT_FOUND);
        sim.faults().corruptDumpChecksums(Set.of("BTCUSDT-1h-2024-02-19.zip"));
        assertThatThrownBy(
                        () ->
                                dumps.klines(
                                        BTC,
                                        Interval.H1,
                                        TimeRange.parseDays("2024-02-19:2024-02-19"),
                                        nowUs.get(),
                                        l -> {}))
                .isInstanceOf(DumpChecksumException.class);
    }

    @Test
    void liveStreamsDropReconnectBackfillAndOrderBook() throws Exception {
        startSim();
        BinanceRestClient rest = rest();
        List<AggTrade> live = new CopyOnWriteArrayList<>();
        List<WsGap> gaps = new CopyOnWriteArrayList<>();
        LocalOrderBook book = new LocalOrderBook(BTC, s -> rest.depth(s, 1000), null);
        WsFeedListener l =
                new WsFeedListener() {
                    @Override
                    public void onAggTrade(String stream, AggTrade t) {
                        live.add(t);
                    }

                    @Override
                    public void onDepth(String stream, DepthUpdate u) {
                        book.onUpdate(u);
                    }

                    @Override
                    public void onGap(WsGap gap) {
                        gaps.add(gap);
                    }
                };
        WsFeedConfig cfg =
                WsFeedConfig.defaults(sim.wsBaseUrl()).withTimeouts(60_000, 5_000, 50, 200);
        try (BinanceWsFeed feed =
                new BinanceWsFeed(cfg, List.of(WsStream.aggTrade(BTC), WsStream.depth(BTC)), l)) {
            feed.start();
            assertThat(feed.awaitConnected(10_000)).isTrue();
            advance(600);
            await(() -> live.size() > 5 && book.synced(), "live trades and a synced book");
            sim.faults().dropWebSocketsNow();
            awaitFor(
                    () -> gaps.size() == 2,
                    () ->
                            "gap reports after the drop; book snapshots "
                                    + book.snapshotsFetched()
                                    + ", gaps "
                                    + book.gaps()
                                    + ", budget "
                                    + rest.budget().usedWeight(clock.nowMs()));
            advance(600);
            await(() -> live.size() > 20, "more trades");
            WsGap g =
                    gaps.stream()
                            .filter(x -> x.stream().equals("btcusdt@aggTrade"))
                            .findFirst()
                            .orElseThrow();
            List<AggTrade> all = new ArrayList<>(live);
            all.addAll(rest.aggTradesFrom(BTC, g.lastSeenId() + 1, 1000));
            List<Long> ids = all.stream().map(AggTrade::aggId).distinct().sorted().toList();
            long lastLive = live.get(live.size() - 1).aggId();
            for (int i = 1; i < ids.size() && ids.get(i) <= lastLive; i++) {
                assertThat(ids.get(i))
                        .as("backfilled ids are contiguous")
                        .isEqualTo(ids.get(i - 1) + 1);
            }
            long gapsBefore = book.gaps();
            long snapshotsBefore = book.snapshotsFetched();
            sim.faults().depthSequenceGap();
            advance(60);
            await(
                    () ->
                            book.gaps() > gapsBefore
                                    && book.synced()
                                    && book.snapshotsFetched() > snapshotsBefore,
                    "rebuild after a depth gap with a fresh snapshot");
            // the start and the rebuild after the fault; a rebuild after the drop may coalesce with
            // the start
            assertThat(book.snapshotsFetched()).isGreaterThanOrEqualTo(2);
        }
    }

    /** Moves the simulator clock forward in 1 s steps so its streams produce events. */
    private void advance(int seconds) throws InterruptedException {
        for (int i = 0; i < seconds / 10; i++) {
            nowUs.addAndGet(10_000_000L);
            Thread.sleep(20);
        }
    }
}
