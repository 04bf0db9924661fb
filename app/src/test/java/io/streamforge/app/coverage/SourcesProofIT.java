package io.streamforge.app.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.TelemetryLog;
import io.streamforge.connector.ConnectorWorker;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.KeyCoverage;
import io.streamforge.domain.coverage.Source;
import io.streamforge.domain.coverage.SourcedRange;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import io.streamforge.loader.candles.CandlesLoader;
import io.streamforge.loader.trades.TradesLoader;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.ReplayClock;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.postgres.PostgresStores;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof of the loader sources (ADR 1701) on real parts: embedded Kafka, embedded PostgreSQL, the
 * exchange simulator serving REST and dump files. "Now" is 2025-01-04T12:00Z (a replay clock at
 * speed 1, shared by the simulator and the loaders). Range 2024-12-30..2025-01-03 spans the µs
 * switch (2025-01-01): SOURCE=auto reads ms dump files for 12-30, µs files for 01-01 and 01-02,
 * REST for 12-31 (its dump files are missing: a fault) and for the tail 01-03 (not yet reliable). A
 * maintenance window 2025-01-02 10:00–10:30 is in the range. The same range is loaded once with
 * SOURCE=rest into another database.
 */
class SourcesProofIT {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final TimeRange RANGE = TimeRange.parseDays("2024-12-30:2025-01-03");
    static final TimeRange WINDOW = range("2025-01-02T10:00:00Z", "2025-01-02T10:30:00Z");
    static final TimeRange MISSING_DAY = TimeRange.parseDays("2024-12-31:2024-12-31");
    static ReplayClock clock;
    static ExchangeSimulator sim;
    static EmbeddedKafkaBroker kafka;
    static EmbeddedPostgresServer pg;
    static PostgresStores rest;
    static PostgresStores auto;

    @BeforeAll
    static void backfillTwice() throws Exception {
        clock = ReplayClock.startingAt(Instant.parse("2025-01-04T12:00:00Z"), 1.0);
        sim =
                ExchangeSimulator.start(
                        SimConfig.defaults()
                                .withPort(0)
                                .withSymbols("BTCUSDT")
                                .withTimeSource(clock)
                                .withMicrosSwitchDate(LocalDate.parse("2025-01-01")));
        sim.faults().maintenance(List.of(WINDOW));
        sim.faults()
                .missingDumpFiles(
                        Set.of("BTCUSDT-1m-2024-12-31.zip", "BTCUSDT-aggTrades-2024-12-31.zip"));
        kafka = EmbeddedKafkaBroker.start(Files.createTempDirectory("sf-proof-kafka"));
        kafka.createTopic(Topics.EVENTS, 3); // never auto-created; telemetry would block
        pg = EmbeddedPostgresServer.start();
        rest = backfill("rest", "aaaaaa");
        auto = backfill("auto", "bbbbbb");
    }

    /** Loads the range with SOURCE={@code source} into its own database; returns its stores. */
    static PostgresStores backfill(String source, String shortId) throws Exception {
        try (var c = pg.dataSource().getConnection();
                var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + source + "_run");
        }
        String jdbc = pg.jdbcUrl().replaceAll("/[^/]+$", "/" + source + "_run");
        String q = "loader-btcusdt-" + source + "-2024-12-30-" + shortId;
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("HTTP_PORT", "0");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("QUEUE_ID", q);
        env.put("KAFKA_TOPIC", q);
        env.put("SYMBOLS", "BTCUSDT");
        env.put("TIME_RANGE", "2024-12-30:2025-01-03");
        env.put("SOURCE", source);
        env.put("BINANCE_BASE_URL", sim.baseUrl());
        env.put("DUMP_BASE_URL", sim.baseUrl());
        env.put("POSTGRES_JDBC_URL", jdbc);
        env.put("POSTGRES_USER", pg.user());
        env.put(
                "EXPECTED_PRODUCERS",
                "loader-api-candles__" + shortId + ",loader-api-trades__" + shortId);
        env.put("POLL_MS", "200");
        assertThat(
                        run(
                                CandlesLoader.SERVICE,
                                CandlesLoader::create,
                                true,
                                env,
                                "loader-api-candles__" + shortId))
                .isZero();
        assertThat(
                        run(
                                TradesLoader.SERVICE,
                                TradesLoader::create,
                                true,
                                env,
                                "loader-api-trades__" + shortId))
                .isZero();
        assertThat(
                        run(
                                ConnectorWorker.SERVICE,
                                ConnectorWorker::create,
                                false,
                                env,
                                "arango-connector__" + shortId))
                .isZero();
        return PostgresStores.open(jdbc, pg.user(), pg.password());
    }

    static int run(
            String service,
            Worker.Factory f,
            boolean symbols,
            Map<String, String> env,
            String telemetryId) {
        Map<String, String> all = new HashMap<>(env);
        all.put("TELEMETRY_ID", telemetryId);
        return WorkerRunner.run(service, all, symbols, f, new StopSignal(), clock);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {rest, auto, pg, kafka, sim}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    @Test
    void mixedDumpAndRestOverTheMicrosSwitchStoresExactlyWhatPureRestStores() {
        var fromRest = rest.marketData().candles(BTC, Interval.M1, RANGE);
        var fromAuto = auto.marketData().candles(BTC, Interval.M1, RANGE);
        assertThat(fromRest).hasSize(5 * 1440 - 30);
        assertThat(fromAuto).isEqualTo(fromRest);
        assertThat(fromRest)
                .isEqualTo(sim.model().klines(BTC, Interval.M1, RANGE.startUs(), RANGE.endUs()));
        var tradesRest = rest.marketData().aggTrades(BTC, RANGE);
        assertThat(tradesRest).hasSize(5 * sim.model().aggTradesPerDay());
        // 12-30 came from a pre-switch file: ms precision, the REST µs time truncated; the rest
        // (REST days 12-31 and 01-03, µs files 01-01 and 01-02) is identical to the µs.
        TimeRange msFileDay = TimeRange.parseDays("2024-12-30:2024-12-30");
        var expected =
                tradesRest.stream()
                        .map(t -> msFileDay.contains(t.timeUs()) ? truncatedToMs(t) : t)
                        .toList();
        assertThat(expected).isNotEqualTo(tradesRest);
        assertThat(auto.marketData().aggTrades(BTC, RANGE)).isEqualTo(expected);
        assertThat(auto.marketData().count("candle", BTC)).isEqualTo(fromRest.size());
        assertThat(auto.marketData().count("agg_trade", BTC)).isEqualTo(tradesRest.size());
    }

    @Test
    void maintenanceIsOneExpectedGapExactlyThereAndNothingIsMissing() {
        for (PostgresStores s : List.of(rest, auto)) {
            var ledger = s.coverage();
            List<Gap> kl = ledger.gaps(CoverageKey.klines(BTC, Interval.M1), RANGE, Set.of());
            assertThat(kl).hasSize(1);
            assertThat(kl.get(0).range()).isEqualTo(WINDOW);
            assertThat(kl.get(0).status()).isEqualTo(GapStatus.EXPECTED);
            assertThat(ledger.gaps(CoverageKey.aggTrades(BTC), RANGE, Set.of())).isEmpty();
        }
        List<TelemetryEvent> gaps =
                events("loader-btcusdt-auto-2024-12-30-bbbbbb").stream()
                        .filter(e -> e.status().equals("gap"))
                        .toList();
        assertThat(gaps).hasSize(1);
        Map<String, Object> extra = gaps.get(0).extra();
        assertThat(extra)
                .containsEntry("stream", "klines")
                .containsEntry("symbol", "BTCUSDT")
                .containsEntry("interval", "1m")
                .containsEntry("gap_status", "expected");
        assertThat(((Number) extra.get("from_us")).longValue()).isEqualTo(WINDOW.startUs());
        assertThat(((Number) extra.get("to_us")).longValue()).isEqualTo(WINDOW.endUs());
    }

    @Test
    void theMissingDumpDayIsFilledFromRestAndCreditedToRest() {
        for (KeyCoverage k : auto.coverage().report(RANGE)) {
            List<SourcedRange> credited = k.credited();
            assertThat(credited)
                    .as(k.key().toString())
                    .contains(
                            new SourcedRange(
                                    TimeRange.parseDays("2024-12-30:2024-12-30"), Source.DUMP),
                            new SourcedRange(MISSING_DAY, Source.REST),
                            new SourcedRange(
                                    TimeRange.parseDays("2025-01-03:2025-01-03"), Source.REST));
            assertThat(
                            credited.stream()
                                    .filter(c -> c.source() == Source.DUMP)
                                    .mapToLong(c -> c.range().lengthUs())
                                    .sum())
                    .as("dump days 12-30, 01-01, 01-02 (less the maintenance window for klines)")
                    .isEqualTo(
                            3 * 86_400_000_000L
                                    - (k.key().interval() == null ? 0 : WINDOW.lengthUs()));
        }
        assertThat(rest.coverage().report(RANGE))
                .allSatisfy(k -> assertThat(k.credited()).allMatch(c -> c.source() == Source.REST));
    }

    @Test
    void noRunWasEverBanned() {
        assertThat(sim.stats().banned()).isZero();
        assertThat(sim.stats().endpoint("/api/v3/klines").requests()).isPositive();
    }

    static AggTrade truncatedToMs(AggTrade t) {
        return new AggTrade(
                t.symbol(),
                t.aggId(),
                t.price(),
                t.qty(),
                t.firstTradeId(),
                t.lastTradeId(),
                t.timeUs() / 1000 * 1000,
                t.buyerMaker(),
                t.bestMatch());
    }

    static TimeRange range(String from, String to) {
        return new TimeRange(Micros.of(Instant.parse(from)), Micros.of(Instant.parse(to)));
    }

    /** All telemetry events of a queue currently on queue-events. */
    static List<TelemetryEvent> events(String queueId) {
        return TelemetryLog.read(kafka.bootstrapServers(), queueId);
    }
}
