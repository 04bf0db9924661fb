package io.streamforge.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The real stdout of the shipped {@code logback.xml} ({@code LOG_FORMAT=json}, the default; this
 * module has no test logging configuration): System.out is captured while loggers write, and every
 * captured line is parsed as JSON.
 */
class LogFieldsOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger("test.logfields");
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream stdout;
    private Map<String, String> process;

    @BeforeEach
    void capture() {
        process = LogFields.process();
        stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        MDC.clear();
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        LogFields.setProcess(
                process.get(LogFields.SERVICE),
                process.get(LogFields.QUEUE_ID),
                process.get(LogFields.TELEMETRY_ID));
        MDC.clear();
    }

    /** The captured JSON lines of one logger (other libraries may log too). */
    private List<JsonNode> lines(String logger) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            if (logger.equals(n.path("logger").asText())) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void aWorkersLinesCarryItsServiceQueueAndTelemetryIdsFlat() throws Exception {
        try (LogFields.Scope ids = LogFields.open("loader-api-candles", "q-1", "q-1-tid_0")) {
            LOG.warn("loading {}", "BTCUSDT");
        }
        LOG.warn("after the scope");
        List<JsonNode> got = lines("test.logfields");
        assertThat(got).hasSize(2);
        JsonNode in = got.get(0);
        assertThat(in.get("message").asText()).isEqualTo("loading BTCUSDT");
        assertThat(in.get("level").asText()).isEqualTo("WARN");
        assertThat(in.get("service").asText()).isEqualTo("loader-api-candles");
        assertThat(in.get("queue_id").asText()).isEqualTo("q-1");
        assertThat(in.get("telemetry_id").asText()).isEqualTo("q-1-tid_0");
        assertThat(in.has("mdc")).as("flat, not nested").isFalse();
        assertThat(got.get(1).has("queue_id")).as("the scope restored the MDC").isFalse();
    }

    @Test
    void workersSharingTheJvmAreToldApartAndTheProcessDefaultsFillTheRest() throws Exception {
        LogFields.setProcess("queue-manager", null, null);
        Thread a = worker("loader-api-trades", "q-a");
        Thread b = worker("arango-connector", "q-b");
        a.join();
        b.join();
        LOG.warn("no queue here", new IllegalStateException("bad"));
        List<JsonNode> got = lines("test.logfields");
        assertThat(got).hasSize(3);
        assertThat(got)
                .filteredOn(n -> n.path("queue_id").asText().equals("q-a"))
                .singleElement()
                .satisfies(
                        n -> assertThat(n.get("service").asText()).isEqualTo("loader-api-trades"));
        assertThat(got)
                .filteredOn(n -> n.path("queue_id").asText().equals("q-b"))
                .singleElement()
                .satisfies(n -> assertThat(n.get("telemetry_id").asText()).isEqualTo("q-b-t"));
        JsonNode service = got.get(2);
        assertThat(service.get("service").asText()).isEqualTo("queue-manager");
        assertThat(service.has("queue_id")).isFalse();
        assertThat(service.has("telemetry_id")).isFalse();
        assertThat(service.get("exception").asText())
                .contains("java.lang.IllegalStateException: bad");
    }

    private static Thread worker(String service, String queueId) {
        Thread t =
                new Thread(
                        () -> {
                            try (LogFields.Scope ids =
                                    LogFields.open(service, queueId, queueId + "-t")) {
                                LOG.warn("working");
                            }
                        });
        t.start();
        return t;
    }

    @Test
    void workerRunnerPutsTheIdsOfItsEnvironmentOnItsLines() throws Exception {
        int code =
                WorkerRunner.run(
                        "dummy-service",
                        Map.of("QUEUE_ID", "q-env", "TELEMETRY_ID", "q-env-dummy_0"),
                        false,
                        (r, c) -> ctx -> 0L,
                        new StopSignal(),
                        () -> 0L);
        assertThat(code).isEqualTo(2); // no Kafka configured: the configuration error is logged
        List<JsonNode> got = lines("io.streamforge.runtime.WorkerRunner");
        assertThat(got).isNotEmpty();
        assertThat(got.get(0).get("message").asText()).contains("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(got.get(0).get("service").asText()).isEqualTo("dummy-service");
        assertThat(got.get(0).get("queue_id").asText()).isEqualTo("q-env");
        assertThat(got.get(0).get("telemetry_id").asText()).isEqualTo("q-env-dummy_0");
        assertThat(MDC.get("queue_id")).as("nothing left on the caller's thread").isNull();
    }
}
