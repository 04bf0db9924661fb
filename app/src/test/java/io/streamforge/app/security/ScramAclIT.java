package io.streamforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.streamforge.app.ApiClient;
import io.streamforge.app.LocalPlatform;
import io.streamforge.app.PlatformFixture;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.Topics;
import io.streamforge.loader.candles.CandlesLoader;
import io.streamforge.loader.ws.WsLoaderWorker;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.sim.MarketModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The platform on a real SASL_SSL broker (SCRAM-SHA-512, StandardAuthorizer, TLS from a throwaway
 * CA) whose ACLs are the chart's rendered {@code KafkaUser}s: every service connects as its own
 * user with the homelab's variables ({@code KAFKA_SECURITY_PROTOCOL=SASL_SSL}, {@code
 * KAFKA_SASL_USERNAME}, {@code KAFKA_SASL_PASSWORD_FILE}, {@code KAFKA_SSL_CA_FILE}), PostgreSQL
 * over TLS with verify-full.
 */
class ScramAclIT {
    static LocalPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = SecuredPlatform.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void thePipelineRunsUnderTheChartsAclsAndStoresTheDataExactly() throws Exception {
        ApiClient api = new ApiClient(platform.apiUrl());
        String days = "2024-06-01:2024-06-02";
        var created = api.post("/queues/start-pipeline", SecuredPlatform.pipelineJson(days));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String queueId = created.body().get("queue_id").asText();
        var end = PlatformFixture.awaitEnd(api, queueId, Duration.ofMinutes(5));
        assertThat(end.get("status").asText()).as(end.toString()).isEqualTo("finished");

        TimeRange range = TimeRange.parseDays(days);
        MarketModel model = platform.simulator().model();
        for (Symbol s : SecuredPlatform.SYMBOLS) {
            assertThat(platform.stores().marketData().candles(s, Interval.M1, range))
                    .isEqualTo(model.klines(s, Interval.M1, range.startUs(), range.endUs()));
            assertThat(platform.stores().marketData().aggTrades(s, range))
                    .isEqualTo(model.aggTrades(s, range.startUs(), range.endUs()));
        }
        assertThat(platform.stores().graphs().load(queueId)).isPresent();
        var events = PlatformFixture.events(platform, queueId);
        for (String target :
                List.of(
                        "loader-api-candles",
                        "loader-api-trades",
                        "arango-connector",
                        "graph-builder",
                        "gnn-trainer")) {
            assertThat(events)
                    .as(target + " finished")
                    .anyMatch(e -> e.target().equals(target) && e.status().equals("finished"));
        }
    }

    @Test
    void loaderWsCreatesItsDepthTopicUnderItsOwnAclAndOtherLoadersCannot() throws Exception {
        String topic = "loader-ws-live-" + System.nanoTime();
        try (Admin admin = KafkaClients.admin(platform.adminKafka())) {
            // the data topic is created by the queue-manager (as in createDataTopic)
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, String> env = new HashMap<>(platform.workerEnv(WsLoaderWorker.SERVICE));
        env.put("QUEUE_ID", topic);
        env.put("SYMBOLS", "BTCUSDT");
        env.put("STREAMS", "aggTrade,depth");
        env.put("KAFKA_TOPIC", topic);
        env.put("TOPIC_PARTITIONS", "1");
        env.put("RUN_FOR_MS", "4000");
        env.put("HTTP_PORT", "0");
        int code =
                CompletableFuture.supplyAsync(
                                () ->
                                        WorkerRunner.run(
                                                WsLoaderWorker.SERVICE,
                                                env,
                                                true,
                                                WsLoaderWorker::create,
                                                new StopSignal(),
                                                TimeSource.system()))
                        .get(2, TimeUnit.MINUTES);
        assertThat(code).isEqualTo(WorkerRunner.OK);
        try (var c = KafkaClients.consumer(platform.adminKafka(), null, "depth-check")) {
            TopicPartition tp = new TopicPartition(topic + ".depth", 0);
            assertThat(c.endOffsets(List.of(tp)).get(tp)).isPositive();
        }
        KafkaSettings candles = userSettings("loader-api-candles");
        try (Admin a = KafkaClients.admin(candles)) {
            assertThatThrownBy(
                            () ->
                                    a.createTopics(
                                                    List.of(
                                                            new NewTopic(
                                                                    topic + "-x.depth",
                                                                    1,
                                                                    (short) 1)))
                                            .all()
                                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aUserWithoutAclsIsDeniedEverything() throws Exception {
        platform.kafka().users().createScramUser("streamforge-intruder", "intruder-pass-1");
        KafkaSettings intruder =
                new KafkaSettings(
                        platform.kafka().bootstrapServers(),
                        "SASL_SSL",
                        "streamforge-intruder",
                        "intruder-pass-1",
                        caFile());
        try (Admin a = KafkaClients.admin(intruder)) {
            assertThat(a.listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();
        }
        try (KafkaProducer<String, byte[]> p = KafkaClients.producer(intruder, "intruder")) {
            assertThatThrownBy(
                            () ->
                                    p.send(new ProducerRecord<>(Topics.CONTROL, "k", new byte[1]))
                                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordEndsTheWorkerWithExitCodeOneAndAClearError() throws Exception {
        Path wrong = Files.createTempFile("wrong-password", "");
        Files.writeString(wrong, "not-the-password");
        Map<String, String> env = new HashMap<>(platform.workerEnv(CandlesLoader.SERVICE));
        env.put("KAFKA_SASL_PASSWORD_FILE", wrong.toString());
        env.put("QUEUE_ID", "loader-wrong-password");
        env.put("SYMBOL", "BTCUSDT");
        env.put("TIME_RANGE", "2024-06-01:2024-06-01");
        env.put("INTERVAL", "1m");
        env.put("HTTP_PORT", "0");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        int code;
        try {
            code =
                    CompletableFuture.supplyAsync(
                                    () ->
                                            WorkerRunner.run(
                                                    CandlesLoader.SERVICE,
                                                    env,
                                                    true,
                                                    CandlesLoader::create,
                                                    new StopSignal(),
                                                    TimeSource.system()))
                            .get(2, TimeUnit.MINUTES);
        } finally {
            root.detachAppender(logs);
        }
        assertThat(code).isEqualTo(WorkerRunner.FAILED);
        List<ILoggingEvent> seen;
        synchronized (logs) { // Kafka's threads may still be appending (AppenderBase locks itself)
            seen = List.copyOf(logs.list);
        }
        assertThat(seen)
                .anyMatch(
                        e ->
                                String.valueOf(
                                                        e.getThrowableProxy() == null
                                                                ? ""
                                                                : e.getThrowableProxy()
                                                                        .getMessage())
                                                .contains("Authentication failed")
                                        || e.getFormattedMessage()
                                                .contains("Authentication failed"));
    }

    private static KafkaSettings userSettings(String target) throws Exception {
        Map<String, String> env = platform.workerEnv(target);
        return new KafkaSettings(
                platform.kafka().bootstrapServers(),
                "SASL_SSL",
                env.get("KAFKA_SASL_USERNAME"),
                Files.readString(Path.of(env.get("KAFKA_SASL_PASSWORD_FILE"))).strip(),
                caFile());
    }

    private static String caFile() {
        return platform.kafka().security().orElseThrow().caFile().toString();
    }
}
