package io.streamforge.connector;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.streamforge.kafka.DlqPublisher;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.Topics;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerContext;
import io.streamforge.store.Stores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code arango-connector}: sinks a queue's data topic into the database ({@link Stores}:
 * PostgreSQL or ArangoDB by {@code DB_KIND}; the service keeps the seed's name), finishing by
 * itself after every expected loader's end-of-stream marker has passed on every partition.
 */
public final class ConnectorWorker implements Worker {
    public static final String SERVICE = "arango-connector";

    /** Connections of the PostgreSQL pool (the market data store and the coverage ledger). */
    private static final int DB_POOL_SIZE = 8;

    private final ConnectorSettings settings;

    ConnectorWorker(ConnectorSettings settings) {
        this.settings = settings;
    }

    public static Worker create(ConfigReader r, WorkerConfig common) {
        return new ConnectorWorker(ConnectorSettings.read(r, common));
    }

    @Override
    public long run(WorkerContext ctx) throws Exception {
        var kafka = ctx.config().kafka();
        List<NewTopic> topics = new ArrayList<>();
        for (String t : settings.topics()) {
            topics.add(KafkaClients.topic(t, settings.partitions()));
            topics.add(KafkaClients.topic(Topics.dlq(t), 1));
        }
        KafkaClients.ensureTopics(kafka, topics, Duration.ofSeconds(30));
        try (Stores sink = Stores.open(settings.sink(), DB_POOL_SIZE);
                KafkaConsumer<String, byte[]> consumer =
                        KafkaClients.consumer(
                                kafka,
                                settings.groupId(),
                                ctx.config().telemetryId(),
                                Map.of(
                                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                        settings.maxPollRecords(),
                                        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                                        settings.sessionTimeoutMs()));
                KafkaProducer<String, byte[]> dlqProducer =
                        KafkaClients.producer(kafka, ctx.config().telemetryId() + "-dlq");
                KafkaClientMetrics metrics = new KafkaClientMetrics(consumer)) {
            metrics.bindTo(ctx.registry());
            return new SinkConnector(
                            consumer,
                            new DlqPublisher(dlqProducer),
                            sink.marketData(),
                            sink.coverage(),
                            settings,
                            ctx)
                    .run();
        }
    }
}
