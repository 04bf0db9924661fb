package io.streamforge.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.LiveIngestion;
import io.streamforge.app.LocalPlatform;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The proof of the live topology (ADR 3001), run as {@code streamforge up --live} runs it: the
 * local platform (real in-process Kafka, embedded PostgreSQL, the exchange simulator replaying 600×
 * over loopback WebSockets), loader-ws in {@code LOADER_MODE=live} writing {@code live.aggTrade}
 * and {@code live.kline_1m}, and the connector's own {@code main} in child JVMs as members of the
 * one live consumer group. The first member is killed with SIGKILL mid-stream and two members start
 * in its place (as KEDA scales the Deployment); when the loader stops, the store holds exactly what
 * the topics hold (every aggTrade id and kline once) and the topics hold every id the simulator has
 * between the first and the last one published. No mocks.
 */
class LiveIngestionIT {
    private static final List<Symbol> SYMBOLS = List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
    private static final long START_US =
            Instant.parse("2024-03-01T00:00:00Z").toEpochMilli() * 1000;
    private static final TimeRange ALL =
            new TimeRange(START_US - 86_400_000_000L, START_US + 30 * 86_400_000_000L);
    private final List<Process> children = new ArrayList<>();
    private LocalPlatform platform;

    @AfterEach
    void stop() throws Exception {
        for (Process p : children) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void connectorKilledMidStreamAndReplacedByTwoMembersStoresEveryIdExactlyOnce()
            throws Exception {
        ReplayClock clock = new ReplayClock(START_US, 600);
        platform =
                new LocalPlatform(
                        new LocalPlatform.Options(
                                Files.createTempDirectory("sf-live-it-"),
                                0,
                                null,
                                SimConfig.defaults()
                                        .withSeed(17)
                                        .withSymbols(SYMBOLS)
                                        .withAggTradesPerDay(14_400) // 100/s per symbol at 600×
                                        .withTimeSource(clock)
                                        .withPort(0),
                                Map.of()),
                        m -> {});
        MarketDataStore store = platform.stores().marketData();
        long atKill;
        try (LiveIngestion loader = LiveIngestion.start(platform.env(), SYMBOLS, 0, clock)) {
            Process first = connectorJvm("a");
            await(() -> storedTrades(store) >= 300 || !first.isAlive(), "first member stores");
            assertThat(first.isAlive()).as("first member runs (see target/live-a.log)").isTrue();
            first.destroyForcibly(); // SIGKILL mid-stream: no offset commit, no clean leave
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            atKill = storedTrades(store);
            connectorJvm("b");
            connectorJvm("c");
            await(this::twoMembersShareThePartitions, "two members own the live partitions");
            await(() -> storedTrades(store) >= atKill + 300, "the two members store");
            assertThat(loader.ended()).as("the live loader has no deadline").isEmpty();
        }
        String bootstrap = platform.kafka().bootstrapServers();
        Map<Symbol, List<AggTrade>> trades =
                TopicContent.bySymbol(bootstrap, "live.aggTrade", AggTrade.class);
        Map<Symbol, List<Candle>> klines =
                TopicContent.bySymbol(bootstrap, "live.kline_1m", Candle.class);
        await(
                () -> storedTrades(store) == total(trades) && storedKlines(store) == total(klines),
                "the group stores what the topics hold");
        MarketModel model = platform.simulator().model();
        for (Symbol s : SYMBOLS) {
            List<AggTrade> onTopic = trades.get(s);
            assertThat(onTopic).as(s + " on live.aggTrade").isNotEmpty();
            assertThat(onTopic)
                    .as("every id the simulator has, once, in order")
                    .isEqualTo(fromModel(model, s, onTopic));
            assertThat(store.aggTrades(s, ALL)).as(s + " aggTrades stored").isEqualTo(onTopic);
            assertThat(klines.get(s)).as(s + " klines").isNotEmpty();
            assertThat(store.candles(s, Interval.M1, ALL))
                    .as(s + " klines stored")
                    .isEqualTo(klines.get(s));
        }
        System.out.printf(
                "live ingestion: %,d aggTrades and %,d klines, member killed at %,d stored%n",
                total(trades), total(klines), atKill);
    }

    /** The model's aggTrades from the first to the last id published. */
    private static List<AggTrade> fromModel(MarketModel model, Symbol s, List<AggTrade> got) {
        long first = got.get(0).aggId();
        long last = got.get(got.size() - 1).aggId();
        List<AggTrade> expected = new ArrayList<>();
        for (long id = first; id <= last; id += 1000) {
            expected.addAll(model.aggTradesFromId(s, id, (int) Math.min(1000, last - id + 1)));
        }
        return expected;
    }

    private boolean twoMembersShareThePartitions() {
        try (Admin admin = platform.kafka().admin()) {
            ConsumerGroupDescription g =
                    admin.describeConsumerGroups(List.of(LiveIngestion.GROUP_ID))
                            .describedGroups()
                            .get(LiveIngestion.GROUP_ID)
                            .get(10, TimeUnit.SECONDS);
            return g.members().size() == 2
                    && g.members().stream()
                            .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        } catch (Exception e) {
            return false;
        }
    }

    private static long storedTrades(MarketDataStore store) {
        return SYMBOLS.stream().mapToLong(s -> store.count("agg_trade", s)).sum();
    }

    private static long storedKlines(MarketDataStore store) {
        return SYMBOLS.stream().mapToLong(s -> store.count("candle", s)).sum();
    }

    private static <T extends MarketRecord> long total(Map<Symbol, List<T>> m) {
        return m.values().stream().mapToLong(List::size).sum();
    }

    /** The connector's own {@code main} as a member of the live group, in a child JVM. */
    private Process connectorJvm(String member) throws Exception {
        Map<String, String> env =
                new HashMap<>(LiveIngestion.connectorEnv(platform.env(), "live-it-" + member));
        env.put("POLL_MS", "200");
        env.put("MAX_POLL_RECORDS", "50"); // many small transactions: the kill lands between them
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000"); // the killed member leaves the group in 6 s
        env.put("LOG_LEVEL", "WARN");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.streamforge.connector.Main");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(new File("target/live-" + member + ".log"));
        Process p = pb.start();
        children.add(p);
        return p;
    }

    /** Polls {@code condition} until it holds; fails after a generous deadline (loaded CI). */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 180 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
