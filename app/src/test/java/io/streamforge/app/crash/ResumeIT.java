package io.streamforge.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.app.ApiClient;
import io.streamforge.app.LocalPlatform;
import io.streamforge.app.PlatformFixture;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.CliRunner;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import io.streamforge.sim.SimStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resume on the real local platform (Kafka, embedded PostgreSQL, simulator, queue-manager, the
 * workers in process): a 5-symbol, 60-day candles pipeline is stopped at about half of its load
 * ({@code POST /queues/{id}/stop}, the simulator slowed by a fixed reply latency so the loader is
 * still fetching), ends {@code interrupted}, is resumed with the real {@code streamforge resume}
 * command and finishes under the same queue id with exactly the simulator's candles. The resumed
 * loader asks the coverage ledger first (ADR 3401): the klines requests the simulator counts after
 * the resume are no more than the candles still missing need (1000 a page) plus one page per symbol
 * (a page stored whose coverage fact the stopped connector had not yet written).
 */
class ResumeIT {
    private static final List<Symbol> SYMBOLS =
            List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT").stream()
                    .map(Symbol::of)
                    .toList();
    private static final String DAYS = "2024-01-01:2024-02-29"; // 60 days
    private static LocalPlatform platform;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformFixture.start(SimConfig.defaults().withSymbols(SYMBOLS), Map.of());
        api = new ApiClient(platform.apiUrl());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anInterruptedQueueResumesUnderItsIdAndEndsWithExactlyTheExchangeCandles()
            throws Exception {
        TimeRange range = TimeRange.parseDays(DAYS);
        MarketModel model = platform.simulator().model();
        Map<Symbol, Long> expectedOf = new HashMap<>();
        long fullPages = 0;
        for (Symbol s : SYMBOLS) {
            long n = model.klines(s, Interval.M1, range.startUs(), range.endUs()).size();
            expectedOf.put(s, n);
            fullPages += pages(n); // 87 a symbol
        }
        long expected = expectedOf.values().stream().mapToLong(Long::longValue).sum();
        SimStats requests = platform.simulator().stats();
        requests.reset();
        platform.simulator().faults().latencyMs(40); // the load takes seconds, not one
        var created = api.post("/queues/start-pipeline", candlesPipeline());
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String queueId = created.body().get("queue_id").asText();
        MarketDataStore store = platform.stores().marketData();

        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while ((klines(requests) < fullPages / 2 || stored(store) == 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(api.post("/queues/" + queueId + "/stop", "").status()).isEqualTo(202);
        JsonNode stopped = PlatformFixture.awaitEnd(api, queueId, Duration.ofMinutes(2));
        assertThat(stopped.get("status").asText()).as(stopped.toString()).isEqualTo("interrupted");
        long partial = stored(store);
        System.out.printf("stopped with %,d of %,d candles stored%n", partial, expected);
        assertThat(partial).as("the stop lands mid-load").isBetween(1L, expected - 1);
        Map<String, Integer> attemptAfterResume = new HashMap<>();
        for (JsonNode s : stopped.get("steps")) {
            boolean done = s.get("status").asText().equals("finished");
            attemptAfterResume.put(s.get("target").asText(), done ? 1 : 2);
        }
        assertThat(attemptAfterResume)
                .as("both stopped mid-load")
                .containsEntry("arango-connector", 2)
                .containsEntry("loader-api-candles", 2);
        long allowed = 0;
        for (Symbol s : SYMBOLS) {
            allowed += pages(expectedOf.get(s) - store.count("candle", s)) + 1;
        }
        platform.simulator().faults().latencyMs(0);
        requests.reset();

        assertThat(resumeCli(queueId).code()).isZero();
        JsonNode end = PlatformFixture.awaitEnd(api, queueId, Duration.ofMinutes(5));
        long after = klines(requests);
        System.out.printf(
                "after the resume: %d klines requests (at most %d allowed; %d for the whole load)%n",
                after, allowed, fullPages);
        assertThat(after).as("klines requests after the resume").isBetween(1L, allowed);
        assertThat(allowed).as("the ledger saves requests").isLessThan(fullPages);

        assertThat(end.get("status").asText()).as(end.toString()).isEqualTo("finished");
        assertThat(end.get("queue_id").asText()).isEqualTo(queueId);
        for (StepRecord s : platform.stores().queues().find(queueId).orElseThrow().steps()) {
            assertThat(s.attempt())
                    .as("attempt of " + s.target())
                    .isEqualTo(attemptAfterResume.get(s.target()));
        }
        assertThat(PlatformFixture.events(platform, queueId))
                .as("each attempt's start and end name it (ATTEMPT, ADR 3402)")
                .filteredOn(e -> e.status().equals("started") || e.status().equals("finished"))
                .extracting(e -> e.target() + " " + e.status() + " " + e.extra().get("attempt"))
                .contains(
                        "loader-api-candles started 1",
                        "loader-api-candles started 2",
                        "loader-api-candles finished 2",
                        "arango-connector started 2",
                        "arango-connector finished 2");
        for (JsonNode step : end.get("steps")) {
            assertThat(step.get("attempt").asInt()).as("the view shows the attempt").isEqualTo(2);
        }
        for (Symbol s : SYMBOLS) {
            assertThat(store.candles(s, Interval.M1, range))
                    .isEqualTo(model.klines(s, Interval.M1, range.startUs(), range.endUs()));
        }
        assertThat(stored(store)).isEqualTo(expected);

        Cli again = resumeCli(queueId);
        assertThat(again.code()).as("a finished queue is not resumed").isEqualTo(1);
        assertThat(again.err()).contains("409").contains("finished");
        assertThat(again.err().strip().lines()).hasSize(1);
        assertThat(api.post("/queues/" + queueId + "/resume", "").status()).isEqualTo(409);
        assertThat(api.post("/queues/no-such-queue/resume", "").status()).isEqualTo(404);
    }

    private static String candlesPipeline() {
        String syms = String.join(",", SYMBOLS.stream().map(s -> "\"" + s.value() + "\"").toList());
        return "{\"symbols\":["
                + syms
                + "],\"time_range\":\""
                + DAYS
                + "\",\"microservices\":[{\"target\":\"loader-api-candles\",\"type\":\"candles\","
                + "\"interval\":\"1m\"},{\"target\":\"arango-connector\"}]}";
    }

    /** Klines pages (1000 candles each) that {@code candles} of one symbol need. */
    private static long pages(long candles) {
        return (candles + 999) / 1000;
    }

    private static long klines(SimStats stats) {
        return stats.endpoint("/api/v3/klines").requests();
    }

    private static long stored(MarketDataStore store) {
        long n = 0;
        for (Symbol s : SYMBOLS) {
            n += store.count("candle", s);
        }
        return n;
    }

    record Cli(int code, String out, String err) {}

    private static Cli resumeCli(String queueId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx =
                new CliContext(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of());
        int code = CliRunner.run(new String[] {"resume", queueId, "--api", platform.apiUrl()}, ctx);
        return new Cli(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
