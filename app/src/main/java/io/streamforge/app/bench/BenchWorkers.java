package io.streamforge.app.bench;

import io.streamforge.connector.ConnectorWorker;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.loader.trades.TradesLoader;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import java.util.HashMap;
import java.util.Map;

/**
 * Our workers run in this JVM with their own entry point ({@link WorkerRunner#run}, as the local
 * job launcher of {@code streamforge up} runs them), configured by environment maps.
 */
final class BenchWorkers {
    static final int PARTITIONS = 3;

    private BenchWorkers() {}

    private static Map<String, String> common(String bootstrap, String topic, String telemetryId) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("HTTP_PORT", "0");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("QUEUE_ID", topic);
        env.put("KAFKA_TOPIC", topic);
        env.put("TELEMETRY_ID", telemetryId);
        env.put("TOPIC_PARTITIONS", String.valueOf(PARTITIONS));
        return env;
    }

    /**
     * The connector on {@code topic} into PostgreSQL at {@code jdbcUrl} until the end-of-stream
     * markers of {@code producers}; {@code batch} records per poll and transaction.
     */
    static void connector(
            String bootstrap, String jdbcUrl, String topic, String producers, int batch) {
        Map<String, String> env = common(bootstrap, topic, "arango-connector__bench");
        env.put("POSTGRES_JDBC_URL", jdbcUrl);
        env.put("POSTGRES_USER", "postgres");
        env.put("EXPECTED_PRODUCERS", producers);
        env.put("MAX_POLL_RECORDS", String.valueOf(batch));
        env.put("POLL_MS", "200");
        require(
                WorkerRunner.outcome(
                        ConnectorWorker.SERVICE,
                        env,
                        false,
                        ConnectorWorker::create,
                        new StopSignal(),
                        TimeSource.system()),
                "connector",
                topic);
    }

    /** loader-api-trades with {@code SOURCE=dump} from the local mirror {@code dumpDir}. */
    static void dumpLoader(
            String bootstrap,
            String topic,
            String telemetryId,
            String symbols,
            String days,
            String dumpDir,
            String exchangeUrl) {
        Map<String, String> env = common(bootstrap, topic, telemetryId);
        env.put("SYMBOLS", symbols);
        env.put("TIME_RANGE", days);
        env.put("SOURCE", "dump");
        env.put("DUMP_DIR", dumpDir);
        env.put("BINANCE_BASE_URL", exchangeUrl);
        require(
                WorkerRunner.outcome(
                        TradesLoader.SERVICE,
                        env,
                        true,
                        TradesLoader::create,
                        new StopSignal(),
                        TimeSource.system()),
                "loader-api-trades",
                topic);
    }

    private static void require(WorkerRunner.Outcome o, String what, String topic) {
        if (o.code() != WorkerRunner.OK) {
            throw new IllegalStateException(
                    what + " exited " + o.code() + " on " + topic + ": " + o.failure(),
                    o.failure());
        }
    }
}
