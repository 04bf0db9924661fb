package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.connector.ConnectorWorker;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.loader.candles.CandlesLoader;
import io.streamforge.loader.trades.TradesLoader;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crash test with a real crash: the connector runs as its own JVM ({@code
 * io.streamforge.connector.Main}, configured by environment variables as in a pod), is killed with
 * SIGKILL ({@link Process#destroyForcibly}) once it has stored part of the load, and a restarted
 * connector must end with exactly the simulator's records: nothing lost, nothing duplicated.
 */
class ConnectorKillIT {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final String QUEUE = "loader-kill-test-2024-06-01-cccccc";
    private static final String DAYS = "2024-06-01:2024-06-04";
    private static LocalPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform =
                PlatformFixture.start(
                        SimConfig.defaults().withSymbols(List.of(BTC, ETH)), Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void connectorJvmKilledWithSigkillMidLoadAndRestartedStoresExactlyTheExchangeRecords()
            throws Exception {
        load(CandlesLoader.SERVICE, CandlesLoader::create, "loader-api-candles__cccccc");
        load(TradesLoader.SERVICE, TradesLoader::create, "loader-api-trades__cccccc");
        TimeRange range = TimeRange.parseDays(DAYS);
        MarketModel model = platform.simulator().model();
        long expected = 0;
        for (Symbol s : List.of(BTC, ETH)) {
            expected += model.klines(s, Interval.M1, range.startUs(), range.endUs()).size();
            expected += model.aggTrades(s, range.startUs(), range.endUs()).size();
        }
        MarketDataStore store = platform.stores().marketData();

        Process child = startConnectorJvm();
        long partial = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // kill once about a tenth is stored: several transactions committed, most still to come
        while (partial < expected / 10 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            partial = stored(store);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no offset commit, no clean close
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        partial = stored(store);
        System.out.printf(
                "connector JVM killed with %,d of %,d records stored%n", partial, expected);
        assertThat(partial)
                .as("the kill must land in the middle of the load")
                .isBetween(1L, expected - 1);

        assertThat(connector(new HashMap<>())).isZero(); // restarted: resumes from the offsets
        for (Symbol s : List.of(BTC, ETH)) {
            assertThat(store.candles(s, Interval.M1, range))
                    .isEqualTo(model.klines(s, Interval.M1, range.startUs(), range.endUs()));
            assertThat(store.aggTrades(s, range))
                    .isEqualTo(model.aggTrades(s, range.startUs(), range.endUs()));
        }
        assertThat(stored(store)).isEqualTo(expected);
    }

    private static long stored(MarketDataStore store) {
        long n = 0;
        for (Symbol s : List.of(BTC, ETH)) {
            n += store.count("candle", s) + store.count("agg_trade", s);
        }
        return n;
    }

    private static void load(String service, Worker.Factory factory, String telemetryId) {
        Map<String, String> env = base();
        env.put("SYMBOLS", "BTCUSDT,ETHUSDT");
        env.put("TIME_RANGE", DAYS);
        env.put("BINANCE_BASE_URL", platform.exchangeUrl());
        env.put("TELEMETRY_ID", telemetryId);
        assertThat(
                        WorkerRunner.run(
                                service, env, true, factory, new StopSignal(), TimeSource.system()))
                .isZero();
    }

    private static Map<String, String> base() {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", QUEUE);
        env.put("KAFKA_TOPIC", QUEUE);
        env.put("KAFKA_BOOTSTRAP_SERVERS", platform.kafka().bootstrapServers());
        env.put("HTTP_PORT", "0");
        env.put("HTTP_HOST", "127.0.0.1");
        return env;
    }

    private static Map<String, String> connectorEnv(Map<String, String> extra) {
        Map<String, String> env = base();
        env.put("POSTGRES_JDBC_URL", ConnectorITJdbc.url(platform));
        env.put("POSTGRES_USER", "postgres");
        env.put("TELEMETRY_ID", "arango-connector__cccccc");
        env.put("EXPECTED_PRODUCERS", "loader-api-candles__cccccc,loader-api-trades__cccccc");
        env.put("POLL_MS", "200");
        env.put("MAX_POLL_RECORDS", "500"); // many small transactions: the kill lands mid-load
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000"); // the dead member leaves the group in 6 s
        env.putAll(extra);
        return env;
    }

    private static int connector(Map<String, String> extra) {
        return WorkerRunner.run(
                ConnectorWorker.SERVICE,
                connectorEnv(extra),
                false,
                ConnectorWorker::create,
                new StopSignal(),
                TimeSource.system());
    }

    /** The connector's own {@code main} in a child JVM with this test's class path. */
    private static Process startConnectorJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.streamforge.connector.Main");
        pb.environment().putAll(connectorEnv(Map.of("LOG_LEVEL", "WARN")));
        File log = new File("target/connector-kill-child.log");
        pb.redirectErrorStream(true).redirectOutput(log);
        return pb.start();
    }
}
