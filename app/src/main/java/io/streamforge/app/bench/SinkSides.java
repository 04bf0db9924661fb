package io.streamforge.app.bench;

import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.DataPublisher;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.Topics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The two sides of {@code bench sink}: pre-filling their topics and running each sink. */
final class SinkSides {
    static final int PARTITIONS = BenchWorkers.PARTITIONS;
    static final String OURS_WARM = "bench-sink-warm-2024-01-01-a00001";
    static final String OURS = "bench-sink-2024-01-01-a00002";
    static final String PRODUCER = "bench-prefill";
    private static final long POLL_MS = 200;

    private final EmbeddedKafkaBroker kafka;
    private final KafkaSettings settings;
    private final Path pgdata;
    private final int batch;
    private final PrintStream out;

    SinkSides(EmbeddedKafkaBroker kafka, Path pgdata, int batch, PrintStream out) {
        this.kafka = kafka;
        this.pgdata = pgdata;
        this.settings = KafkaSettings.plaintext(kafka.bootstrapServers());
        this.batch = batch;
        this.out = out;
    }

    /**
     * Ours: our data-topic JSON with end-of-stream markers (what a loader writes). Debezium: one
     * topic per table, Connect JSON with schemas; the same key (symbol) and partition count.
     */
    void prefill(List<MarketRecord> warm, List<MarketRecord> measured) {
        kafka.createTopic(Topics.EVENTS, 1); // the workers' telemetry and control topics
        kafka.createTopic(Topics.CONTROL, 1);
        for (String t :
                List.of(
                        OURS_WARM,
                        OURS,
                        "dbzwarm-candles",
                        "dbzwarm-agg_trades",
                        "dbz-candles",
                        "dbz-agg_trades")) {
            kafka.createTopic(t, PARTITIONS);
        }
        ours(OURS_WARM, warm);
        ours(OURS, measured);
        debezium("dbzwarm-", warm);
        debezium("dbz-", measured);
    }

    private void ours(String topic, List<MarketRecord> rs) {
        try (KafkaProducer<String, byte[]> p = KafkaClients.producer(settings, PRODUCER)) {
            DataPublisher pub = new DataPublisher(p, topic, PRODUCER, TimeSource.system());
            pub.send(rs);
            pub.finish();
        }
    }

    private void debezium(String prefix, List<MarketRecord> rs) {
        try (KafkaProducer<String, byte[]> p = KafkaClients.producer(settings, PRODUCER)) {
            for (MarketRecord r : rs) {
                String topic = prefix + ConnectJsonRecords.table(r);
                p.send(
                        new ProducerRecord<>(
                                topic, r.symbol().value(), ConnectJsonRecords.encode(r)));
            }
            p.flush();
        }
    }

    /** Our connector in this JVM (as `streamforge up` runs it): warm-up topic, then measured. */
    SinkBench.Side runOurs(String jdbcUrl, DataSource ds, long records) {
        runConnector(jdbcUrl, OURS_WARM);
        long before = SinkTables.count(ds);
        CpuMeter meter = CpuMeter.start();
        ProcessCpu own = ProcessCpu.start(pgdata);
        long t0 = System.nanoTime();
        runConnector(jdbcUrl, OURS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long stored = SinkTables.count(ds) - before;
        if (stored != records) {
            throw new IllegalStateException("our connector stored " + stored + " of " + records);
        }
        return side(records, seconds, meter, own);
    }

    private void runConnector(String jdbcUrl, String topic) {
        BenchWorkers.connector(kafka.bootstrapServers(), jdbcUrl, topic, PRODUCER, batch);
    }

    /**
     * Connect starts (not measured), sinks the warm-up topics, then the measured connector is
     * created; its phase ends when both tables hold every record (row count polled).
     */
    SinkBench.Side runDebezium(
            Path lib, String jdbcUrl, DataSource ds, long warmRecords, long records) {
        Path work = tempDir();
        try (KafkaConnectChild connect =
                KafkaConnectChild.start(lib, kafka.bootstrapServers(), work, batch, "2g")) {
            connect.create("dbz-warm", debeziumConfig(jdbcUrl, "dbzwarm-"));
            awaitRows(connect, "dbz-warm", ds, warmRecords);
            connect.delete("dbz-warm");
            CpuMeter meter = CpuMeter.start();
            ProcessCpu own = ProcessCpu.start(pgdata);
            long t0 = System.nanoTime();
            connect.create("dbz", debeziumConfig(jdbcUrl, "dbz-"));
            awaitRows(connect, "dbz", ds, warmRecords + records);
            return side(records, (System.nanoTime() - t0) / 1e9, meter, own);
        } finally {
            DumpBench.delete(work); // worker.properties, offsets, connect.log
        }
    }

    /**
     * Upsert on {@code key} from the record value, the table named after the topic (prefix cut by a
     * RegexRouter), no schema evolution (the tables exist, made by our migrations), the same batch
     * size as ours, identifiers quoted ({@code interval} is an SQL keyword).
     */
    Map<String, String> debeziumConfig(String jdbcUrl, String prefix) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector");
        c.put("tasks.max", "1");
        c.put("topics", prefix + "candles," + prefix + "agg_trades");
        c.put("connection.url", jdbcUrl + "?stringtype=unspecified&reWriteBatchedInserts=true");
        c.put("connection.username", "postgres");
        c.put("connection.password", "");
        c.put("insert.mode", "upsert");
        c.put("primary.key.mode", "record_value");
        c.put("primary.key.fields", "key");
        c.put("schema.evolution", "none");
        c.put("quote.identifiers", "true");
        c.put("batch.size", String.valueOf(batch));
        c.put("transforms", "table");
        c.put("transforms.table.type", "org.apache.kafka.connect.transforms.RegexRouter");
        c.put("transforms.table.regex", prefix + "(.*)");
        c.put("transforms.table.replacement", "$1");
        return c;
    }

    private static void awaitRows(KafkaConnectChild connect, String name, DataSource ds, long n) {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long polls = 0;
        while (SinkTables.count(ds) < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Debezium did not store " + n + " rows in 30 min");
            }
            if (++polls % 10 == 0 && connect.taskState(name).contains("\"FAILED\"")) {
                throw new IllegalStateException(
                        "Debezium connector failed: "
                                + connect.taskState(name)
                                + "\n"
                                + connect.logTail());
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static SinkBench.Side side(
            long records, double seconds, CpuMeter meter, ProcessCpu own) {
        double cpu = own.microsPer(records);
        meter.close();
        return new SinkBench.Side(records, seconds, cpu, meter.busy());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("streamforge-bench-sink-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
