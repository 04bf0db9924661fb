package io.streamforge.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.logging.FakeFluentBit.Received;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logback → {@link FluentForwarding} → real TCP {@link FakeFluentBit} on loopback. */
class FluentForwardingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private FluentForwarding forwarding;

    @AfterEach
    void uninstall() {
        MDC.clear();
        if (forwarding != null) {
            forwarding.close();
        }
        assertThat(FluentForwarding.installed()).isFalse();
        assertThat(rootAppender()).isNull();
    }

    @Test
    void forwardsEveryEventWithTagAndJsonFields() throws Exception {
        try (FakeFluentBit fluent = FakeFluentBit.start()) {
            forwarding = installed(env(fluent.port(), "QUEUE_ID", "q-42"), "demo-app");
            Logger log = LoggerFactory.getLogger("test.fields");
            Instant before = Instant.now();
            log.info("hello {}", "world");
            MDC.put("symbol", "BTCUSDT");
            log.error("boom", new IllegalStateException("bad state"));
            MDC.put("queue_id", "q-from-mdc");
            log.warn("overridden queue");

            List<Received> got = fluent.await(r -> logger(r, "test.fields"), 3, WAIT);
            assertThat(got).hasSize(3);
            assertThat(got).allSatisfy(r -> assertThat(r.tag()).isEqualTo("internal.demo-app"));
            Map<String, String> info = got.get(0).record();
            assertThat(info)
                    .containsEntry("level", "INFO")
                    .containsEntry("logger", "test.fields")
                    .containsEntry("thread", Thread.currentThread().getName())
                    .containsEntry("message", "hello world")
                    .containsEntry("service", "demo-app")
                    .containsEntry("queue_id", "q-42")
                    .doesNotContainKey("exception");
            Instant ts = Instant.parse(info.get("timestamp"));
            assertThat(ts).isBetween(before.truncatedTo(ChronoUnit.MILLIS), Instant.now());
            assertThat(got.get(0).time().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(ts);
            Map<String, String> error = got.get(1).record();
            assertThat(error).containsEntry("level", "ERROR").containsEntry("symbol", "BTCUSDT");
            assertThat(error.get("exception"))
                    .contains("java.lang.IllegalStateException: bad state")
                    .contains("FluentForwardingTest");
            assertThat(got.get(2).record()).containsEntry("queue_id", "q-from-mdc");
            assertThat(fluent.errors()).isEmpty();
        }
    }

    @Test
    void recordsCarryTheWorkersTelemetryIdAndServiceFromTheLogFields() throws Exception {
        try (FakeFluentBit fluent = FakeFluentBit.start()) {
            forwarding = installed(env(fluent.port()), "demo-app");
            Logger log = LoggerFactory.getLogger("test.ids");
            try (LogFields.Scope ids = LogFields.open("loader-ws", "q-7", "q-7-loader-ws_0")) {
                log.info("in a worker");
            }
            log.info("outside");
            List<Received> got = fluent.await(r -> logger(r, "test.ids"), 2, WAIT);
            assertThat(got.get(0).record())
                    .containsEntry("service", "loader-ws")
                    .containsEntry("queue_id", "q-7")
                    .containsEntry("telemetry_id", "q-7-loader-ws_0");
            assertThat(got.get(1).record())
                    .containsEntry("service", "demo-app")
                    .doesNotContainKey("queue_id");
        }
    }

    @Test
    void unsetOrBlankHostInstallsNothing() {
        assertThat(FluentForwarding.installIfConfigured(Map.of("QUEUE_ID", "q"), "x")).isEmpty();
        assertThat(FluentForwarding.installIfConfigured(Map.of("FLUENT_HOST", " "), "x")).isEmpty();
        assertThat(FluentForwarding.installed()).isFalse();
        assertThat(rootAppender()).isNull();
    }

    @Test
    void invalidSettingsAreNamedTogetherAndNothingIsInstalled() {
        Map<String, String> env =
                Map.of(
                        "FLUENT_HOST", "127.0.0.1",
                        "FLUENT_PORT", "abc",
                        "FLUENT_ACK", "maybe",
                        "FLUENT_QUEUE_SIZE", "0");
        assertThatThrownBy(() -> FluentForwarding.installIfConfigured(env, "x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid FLUENT_PORT")
                .hasMessageContaining("invalid FLUENT_ACK: 'maybe' is not true or false")
                .hasMessageContaining("invalid FLUENT_QUEUE_SIZE: 0");
        assertThat(FluentForwarding.installed()).isFalse();
    }

    @Test
    void serverDownNeverBlocksCountsDropsAndResumesWhenBack() throws Exception {
        int port = FakeFluentBit.freePort();
        FluentSettings settings =
                withRetry(FluentSettings.defaults("127.0.0.1", port, "down-app"), 100, 50);
        forwarding = FluentForwarding.install(settings, "down-app", "q-1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        forwarding.bindTo(registry);
        Logger log = LoggerFactory.getLogger("test.down");
        int total = 5_000;
        long startNs = System.nanoTime();
        for (int i = 0; i < total; i++) {
            log.info("event {}", i);
        }
        long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
        assertThat(elapsedMs).as("logging must not wait for fluent-bit").isLessThan(3_000);
        long dropped = forwarding.dropped();
        assertThat(dropped).isGreaterThanOrEqualTo(total - 100 - 50);
        assertThat(registry.get("streamforge.log.events.dropped").functionCounter().count())
                .isEqualTo(dropped);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (forwarding.lastError() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(forwarding.lastError()).contains("Connection refused");

        try (FakeFluentBit fluent = FakeFluentBit.restartOn(port, true)) {
            assertThat(forwarding.flush(WAIT)).isTrue();
            log.info("after the outage");
            assertThat(
                            fluent.await(
                                    r -> r.record().get("message").equals("after the outage"),
                                    1,
                                    WAIT))
                    .hasSize(1);
            assertThat(forwarding.flush(WAIT)).isTrue();
            List<Received> down = fluent.received(r -> logger(r, "test.down"));
            Set<String> distinct = new HashSet<>();
            down.forEach(r -> distinct.add(r.record().get("message")));
            assertThat(distinct).as("no duplicates").hasSameSizeAs(down);
            assertThat(down.size()).isBetween(1, 150).isGreaterThanOrEqualTo(total - (int) dropped);
            assertThat(fluent.received()).hasSize((int) forwarding.delivered());
        }
    }

    @Test
    void restartOfFluentBitLosesAndDuplicatesNothing() throws Exception {
        int port;
        Logger log = LoggerFactory.getLogger("test.restart");
        List<Received> first;
        try (FakeFluentBit fluent = FakeFluentBit.start()) {
            port = fluent.port();
            forwarding = installed(env(port), "restart-app");
            for (int i = 0; i < 200; i++) {
                log.info("event {}", i);
            }
            assertThat(forwarding.flush(WAIT)).isTrue();
            first = fluent.received(r -> logger(r, "test.restart"));
        }
        for (int i = 200; i < 400; i++) {
            log.info("event {}", i);
        }
        try (FakeFluentBit fluent = FakeFluentBit.restartOn(port, true)) {
            assertThat(forwarding.flush(WAIT)).isTrue();
            List<Received> second = fluent.received(r -> logger(r, "test.restart"));
            Set<String> all = new HashSet<>();
            first.forEach(r -> all.add(r.record().get("message")));
            second.forEach(r -> all.add(r.record().get("message")));
            assertThat(first.size() + second.size()).isEqualTo(400);
            assertThat(all).hasSize(400).contains("event 0", "event 199", "event 200", "event 399");
            assertThat(forwarding.dropped()).isZero();
            assertThat(fluent.received(r -> r.record().get("message").contains("reachable again")))
                    .hasSize(1);
        }
    }

    @Test
    void secondInstallReturnsTheActiveOne() throws Exception {
        try (FakeFluentBit fluent = FakeFluentBit.start()) {
            forwarding = installed(env(fluent.port()), "one");
            Optional<FluentForwarding> again =
                    FluentForwarding.installIfConfigured(env(fluent.port()), "two");
            assertThat(again).containsSame(forwarding);
            assertThat(FluentForwarding.active()).containsSame(forwarding);
            assertThat(forwarding.settings().tag()).isEqualTo("internal.one");
        }
    }

    static FluentSettings withRetry(FluentSettings s, int queue, int batch) {
        return new FluentSettings(
                s.host(),
                s.port(),
                s.tag(),
                queue,
                batch,
                s.ack(),
                Duration.ofMillis(500),
                Duration.ofSeconds(2),
                Duration.ofMillis(10),
                Duration.ofMillis(100),
                Duration.ofSeconds(2));
    }

    private static FluentForwarding installed(Map<String, String> env, String app) {
        return FluentForwarding.installIfConfigured(env, app).orElseThrow();
    }

    private static Map<String, String> env(int port, String... more) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("FLUENT_HOST", "127.0.0.1");
        env.put("FLUENT_PORT", String.valueOf(port));
        env.put("FLUENT_RETRY_MAX_MS", "100");
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static boolean logger(Received r, String name) {
        return name.equals(r.record().get("logger"));
    }

    private static Object rootAppender() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        return ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(FluentForwarding.APPENDER_NAME);
    }
}
