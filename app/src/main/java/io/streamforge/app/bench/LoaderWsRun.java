package io.streamforge.app.bench;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.kafka.Topics;
import io.streamforge.loader.ws.WsLoaderWorker;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code bench ws --source blaster}, last phase: the real {@code loader-ws} worker (the service's
 * own {@link WorkerRunner} path: sequencer, de-duplication, {@code DataPublisher}, ack timing,
 * telemetry) reading one aggTrade stream from a {@link FrameBlaster}. The rate is the growth of the
 * data topic's end offsets, i.e. records the broker has acknowledged and written; afterwards the
 * topic is checked to hold every id exactly once.
 */
final class LoaderWsRun {
    private static final int PARTITIONS = 3;

    private LoaderWsRun() {}

    /** Acknowledged records/s of the loader over {@code seconds}, after a warm-up. */
    static double rate(FrameBlaster blaster, EmbeddedKafkaBroker kafka, int seconds)
            throws Exception {
        String topic = "bench-ws-loader-" + System.nanoTime();
        createTopics(kafka, topic);
        long runForMs = WsBench.WARM_UP_MS + seconds * 1_000L + 3_000;
        Map<String, String> env =
                env(kafka, blaster.wsBaseUrl(), "http://127.0.0.1:9", topic, "BTCUSDT");
        // the blaster's ids are contiguous: no REST backfill is needed; a call would fail loudly
        env.put("RUN_FOR_MS", Long.toString(runForMs));
        StopSignal stop = new StopSignal();
        CompletableFuture<Integer> run = start(env, stop, "bench-loader-ws");
        try (Admin admin = KafkaClients.admin(KafkaSettings.plaintext(kafka.bootstrapServers()))) {
            RestBench.sleepMs(WsBench.WARM_UP_MS);
            long o0 = endOffsets(admin, topic);
            long t0 = System.nanoTime();
            RestBench.sleepMs(seconds * 1_000L);
            long o1 = endOffsets(admin, topic);
            double rate = (o1 - o0) / ((System.nanoTime() - t0) / 1e9);
            if (o1 == 0) {
                throw new IllegalStateException("loader-ws wrote nothing to " + topic);
            }
            return rate;
        } finally {
            stop.stop("benchmark over");
            int code = run.get(90, TimeUnit.SECONDS);
            if (code != WorkerRunner.OK) {
                throw new IllegalStateException("loader-ws exited " + code);
            }
            checkExactlyOnce(kafka, topic);
        }
    }

    /**
     * The ids the loader wrote are contiguous and each appears once: the last id minus the first id
     * + 1 equals the number of records (the symbol's records share one partition, in order).
     */
    private static void checkExactlyOnce(EmbeddedKafkaBroker kafka, String topic) {
        KafkaSettings s = KafkaSettings.plaintext(kafka.bootstrapServers());
        try (KafkaConsumer<String, byte[]> c = KafkaClients.consumer(s, null, "bench-ws-check")) {
            for (int p = 0; p < PARTITIONS; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                c.assign(List.of(tp));
                long end = c.endOffsets(List.of(tp)).get(tp);
                if (end == 0) {
                    continue;
                }
                long first = aggIdAt(c, tp, 0);
                long last = aggIdAt(c, tp, end - 1);
                long n = end;
                if (last < 0 && end > 1) { // an end-of-stream marker closes the partition
                    last = aggIdAt(c, tp, end - 2);
                    n = end - 1;
                }
                if (first < 0 || last - first + 1 != n) {
                    throw new IllegalStateException(
                            String.format(
                                    "loader-ws wrote %d records with ids %d..%d: duplicates or gaps",
                                    n, first, last));
                }
            }
        }
    }

    /** The aggTrade id at {@code offset}, or -1 when that message is not an aggTrade. */
    private static long aggIdAt(KafkaConsumer<String, byte[]> c, TopicPartition tp, long offset) {
        c.seek(tp, offset);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                if (r.offset() != offset) {
                    continue;
                }
                return RecordCodec.decode(r.value()) instanceof DataMessage.Data d
                                && d.record() instanceof AggTrade a
                        ? a.aggId()
                        : -1;
            }
        }
        throw new IllegalStateException("could not read offset " + offset + " of " + tp);
    }

    /** The data topic and the worker's telemetry and control topics. */
    static void createTopics(EmbeddedKafkaBroker kafka, String topic) {
        kafka.createTopic(topic, PARTITIONS);
        kafka.createTopic(Topics.EVENTS, 1);
        kafka.createTopic(Topics.CONTROL, 1);
    }

    /** The environment of a loader-ws worker on aggTrade streams (mutable: add to it). */
    static Map<String, String> env(
            EmbeddedKafkaBroker kafka, String wsUrl, String restUrl, String topic, String symbols) {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", "bench-ws-loader");
        env.put("SYMBOLS", symbols);
        env.put("STREAMS", "aggTrade");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("KAFKA_TOPIC", topic);
        env.put("TOPIC_PARTITIONS", Integer.toString(PARTITIONS));
        env.put("HTTP_PORT", "0");
        env.put("BINANCE_WS_URL", wsUrl);
        env.put("BINANCE_BASE_URL", restUrl);
        env.put("GAP_SILENCE_MS", "3600000");
        return env;
    }

    /** Runs the loader-ws service ({@code WorkerRunner}, as deployed) on its own thread. */
    static CompletableFuture<Integer> start(
            Map<String, String> env, StopSignal stop, String threadName) {
        return CompletableFuture.supplyAsync(
                () ->
                        WorkerRunner.run(
                                WsLoaderWorker.SERVICE,
                                env,
                                true,
                                WsLoaderWorker::create,
                                stop,
                                TimeSource.system()),
                r -> new Thread(r, threadName).start());
    }

    /** Records written to the data topic so far (sum of its end offsets). */
    static long endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long sum = 0;
        for (var info : admin.listOffsets(specs).all().get(10, TimeUnit.SECONDS).values()) {
            sum += info.offset();
        }
        return sum;
    }
}
