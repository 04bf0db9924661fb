package io.streamforge.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.app.ApiClient;
import io.streamforge.app.PlatformFixture;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.postgres.PostgresStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Power loss with real processes: the real {@code up} main in a child JVM loads a 5-symbol, 60-day
 * 1m-candles pipeline; mid-load the JVM (with its watchdog) and every PostgreSQL process of the
 * folder (the postmaster named in {@code postmaster.pid} and all its children) are killed together
 * with SIGKILL, so nobody shuts anything down. {@code up} again on the same folder recovers
 * (PostgreSQL replays its WAL, Kafka its unclean logs), the queue is {@code interrupted}, {@code
 * POST /queues/{id}/resume} finishes it, and after a clean stop the stored candles equal the
 * simulator's exactly, count and content: nothing a commit acknowledged was lost (the connector
 * commits its Kafka offsets only after PostgreSQL confirmed the rows, which {@code up} runs with
 * {@code synchronous_commit=on}), nothing is stored twice. Killing processes loses what they held
 * in memory (PostgreSQL's WAL buffers in shared memory among it) but not the OS page cache; a real
 * power cut also needs {@code fsync=on}, which {@code up} sets and no test here can cut.
 */
class PowerLossIT {
    private static final String DAYS = "2024-01-01:2024-02-29";
    private static final List<Symbol> SYMBOLS =
            Stream.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT")
                    .map(Symbol::of)
                    .toList();
    private static final long TOTAL = 5L * 60 * 1440;
    private final List<UpJvm> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(UpJvm::destroy);
    }

    @Test
    void jvmAndPostgresKilledTogetherMidLoadThenRestartAndResumeStoreExactlyTheExchangeCandles()
            throws Exception {
        Path dir = Files.createTempDirectory("sf-power-");
        UpJvm first = up(dir, "power-1");
        first.awaitReady(Duration.ofMinutes(3)); // the first start extracts binaries, runs initdb
        String queueId = first.startLoading(UpJvm.candlesPipeline(DAYS), Duration.ofMinutes(2));

        awaitConnectorWriting(first.api(), queueId, Duration.ofMinutes(2));

        List<ProcessHandle> killed = powerCut(first, dir);
        for (ProcessHandle p : killed) {
            assertThat(p.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        assertThat(UpJvm.postgresProcesses(dir)).as("no postgres survived the cut").isEmpty();
        assertThat(UpJvm.pgdata(dir).resolve("postmaster.pid"))
                .as("a power cut leaves PostgreSQL's lock file behind")
                .exists();

        UpJvm second = up(dir, "power-2");
        second.awaitReady(UpJvm.readyBound(Duration.ofSeconds(60)));
        ApiClient api = second.api();
        JsonNode cut = api.get("/queues/" + queueId).body();
        assertThat(cut.get("status").asText()).as(cut.toString()).isEqualTo("interrupted");
        for (JsonNode step : cut.get("steps")) {
            System.out.printf(
                    "at the cut: %s %s, %,d records%n",
                    step.get("target").asText(),
                    step.get("status").asText(),
                    step.get("records_written").asLong());
            if (step.get("target").asText().equals("arango-connector")) {
                assertThat(step.get("status").asText()).as("cut mid-load").isEqualTo("interrupted");
                assertThat(step.get("records_written").asLong()).isBetween(1L, TOTAL - 1);
            }
        }
        assertThat(api.post("/queues/" + queueId + "/resume", "").status()).isEqualTo(200);
        JsonNode end = PlatformFixture.awaitEnd(api, queueId, Duration.ofMinutes(6));
        assertThat(end.get("status").asText()).as(end.toString()).isEqualTo("finished");

        second.process.destroy(); // SIGTERM: a clean stop, so the database can be opened here
        assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process.exitValue()).isZero();
        assertStoredEqualsTheExchange(dir);
    }

    /** Waits until the connector reported rows written to PostgreSQL (its writes are in flight). */
    private static void awaitConnectorWriting(ApiClient api, String queueId, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode step : api.get("/queues/" + queueId).body().get("steps")) {
                if (step.get("target").asText().equals("arango-connector")
                        && step.get("records_written").asLong() > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the connector wrote nothing within " + timeout);
    }

    /**
     * SIGKILL to the JVM, its children (the PostgreSQL watchdog) and every PostgreSQL process of
     * the folder, all collected first and then killed in one pass.
     */
    private static List<ProcessHandle> powerCut(UpJvm up, Path dir) throws Exception {
        ProcessHandle postmaster = UpJvm.postmaster(dir).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        postmaster.descendants().forEach(all::add);
        UpJvm.postgresProcesses(dir).stream().filter(p -> !all.contains(p)).forEach(all::add);
        up.process.descendants().forEach(all::add);
        all.add(up.process.toHandle());
        assertThat(all).as("postmaster, its backends and the JVM").hasSizeGreaterThan(3);
        all.forEach(ProcessHandle::destroyForcibly);
        System.out.printf("power cut: %d processes killed%n", all.size());
        return all;
    }

    private static void assertStoredEqualsTheExchange(Path dir) throws Exception {
        TimeRange range = TimeRange.parseDays(DAYS);
        MarketModel model = new MarketModel(SimConfig.defaults()); // what `up` simulates
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("postgres"));
                PostgresStores stores =
                        PostgresStores.open(pg.jdbcUrl(), pg.user(), pg.password())) {
            MarketDataStore store = stores.marketData();
            for (Symbol s : SYMBOLS) {
                List<Candle> expected =
                        model.klines(s, Interval.M1, range.startUs(), range.endUs());
                assertThat(expected).hasSize(60 * 1440);
                assertThat(store.count("candle", s)).as("rows of " + s).isEqualTo(expected.size());
                assertThat(store.candles(s, Interval.M1, range)).as(s.value()).isEqualTo(expected);
            }
        }
    }

    private UpJvm up(Path dir, String name) throws Exception {
        UpJvm u = UpJvm.start(dir, name);
        started.add(u);
        return u;
    }
}
