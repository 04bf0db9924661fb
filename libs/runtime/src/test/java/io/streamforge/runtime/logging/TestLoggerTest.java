package io.streamforge.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.runtime.logging.FakeFluentBit.Received;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link TestLogger} against a real TCP {@link FakeFluentBit} on loopback. */
class TestLoggerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void sendsCountRecordsWithDefaultTagAndAllAreAcknowledged() throws Exception {
        try (FakeFluentBit fluent = FakeFluentBit.start()) {
            String[] args = {"--host", "127.0.0.1", "--port", port(fluent), "--count", "25"};
            assertThat(TestLogger.cli(args, Map.of(), out)).isZero();
            List<Received> got = fluent.received();
            assertThat(got).hasSize(25);
            assertThat(got).allSatisfy(r -> assertThat(r.tag()).isEqualTo("internal.test-logger"));
            assertThat(got.stream().map(r -> r.record().get("seq")))
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, 25).mapToObj(String::valueOf).toList());
            assertThat(got.stream().map(r -> r.record().get("run_id")).distinct()).hasSize(1);
            assertThat(got.get(0).record())
                    .containsKeys("timestamp", "level", "logger", "thread", "message", "service")
                    .containsEntry("service", "test-logger")
                    .containsEntry("message", "test-logger record 1 of 25");
            assertThat(text())
                    .contains("25 of 25 records acknowledged by 127.0.0.1:" + fluent.port())
                    .contains("tag internal.test-logger");
        }
    }

    @Test
    void appAndEnvironmentChooseTagAndTarget() throws Exception {
        try (FakeFluentBit fluent = FakeFluentBit.start()) {
            Map<String, String> env =
                    Map.of("FLUENT_HOST", "127.0.0.1", "FLUENT_PORT", port(fluent));
            assertThat(TestLogger.cli(new String[] {"--app", "loader-ws"}, env, out)).isZero();
            assertThat(fluent.received()).hasSize(TestLogger.DEFAULT_COUNT);
            assertThat(fluent.received())
                    .allSatisfy(
                            r -> {
                                assertThat(r.tag()).isEqualTo("internal.loader-ws");
                                assertThat(r.record()).containsEntry("service", "loader-ws");
                            });
            assertThat(TestLogger.run(env, 3, out)).isZero();
            assertThat(fluent.received(r -> r.tag().equals("internal.test-logger"))).hasSize(3);
        }
    }

    @Test
    void serverDownFailsWithinTheFlushTimeoutAndSaysWhy() throws Exception {
        Map<String, String> env =
                Map.of(
                        "FLUENT_HOST", "127.0.0.1",
                        "FLUENT_PORT", String.valueOf(FakeFluentBit.freePort()),
                        "FLUENT_FLUSH_TIMEOUT_MS", "300");
        long startNs = System.nanoTime();
        assertThat(TestLogger.run(env, 5, out)).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - startNs)).isLessThan(Duration.ofSeconds(5));
        assertThat(text())
                .contains("0 of 5 records")
                .contains("FAILED, 5 not delivered within 300 ms")
                .contains("Connection refused");
    }

    @Test
    void peerThatNeverAcknowledgesIsAFailure() throws Exception {
        try (FakeFluentBit fluent = new FakeFluentBit(0, false)) {
            Map<String, String> env =
                    Map.of(
                            "FLUENT_HOST", "127.0.0.1",
                            "FLUENT_PORT", port(fluent),
                            "FLUENT_FLUSH_TIMEOUT_MS", "300");
            assertThat(TestLogger.run(env, 4, out)).isEqualTo(1);
            // the first batch went out and waits for an ack that never comes
            assertThat(fluent.await(r -> true, 1, Duration.ofSeconds(5))).isNotEmpty();
            assertThat(text()).contains("0 of 4 records acknowledged").contains("FAILED");
        }
    }

    @Test
    void withoutAckRecordsAreWrittenAndCounted() throws Exception {
        try (FakeFluentBit fluent = new FakeFluentBit(0, false)) {
            Map<String, String> env =
                    Map.of(
                            "FLUENT_HOST",
                            "127.0.0.1",
                            "FLUENT_PORT",
                            port(fluent),
                            "FLUENT_ACK",
                            "false");
            assertThat(TestLogger.run(env, 50, out)).isZero();
            assertThat(fluent.await(r -> true, 50, Duration.ofSeconds(5))).hasSize(50);
            assertThat(text()).contains("50 of 50 records written");
        }
    }

    @Test
    void badArgumentsAndConfigurationExitWithTwoAndNameTheProblem() {
        assertThat(TestLogger.cli(new String[] {"--count", "abc"}, Map.of(), out)).isEqualTo(2);
        assertThat(text()).contains("invalid --count: 'abc' is not a number");
        assertThat(TestLogger.cli(new String[] {}, Map.of(), out)).isEqualTo(2);
        assertThat(text()).contains("missing FLUENT_HOST (or --host)");
        assertThat(TestLogger.cli(new String[] {"--host", "h", "--count", "0"}, Map.of(), out))
                .isEqualTo(2);
        assertThat(text()).contains("invalid count: 0 not in [1, 1000000]");
        assertThat(TestLogger.cli(new String[] {"--host", "h", "--port", "99999"}, Map.of(), out))
                .isEqualTo(2);
        assertThat(text()).contains("invalid FLUENT_PORT: 99999 not in [1, 65535]");
        assertThat(TestLogger.cli(new String[] {"--host", "h", "--app", "bad app"}, Map.of(), out))
                .isEqualTo(2);
        assertThat(text()).contains("app name must match");
        assertThat(TestLogger.cli(new String[] {"--colour", "red"}, Map.of(), out)).isEqualTo(2);
        assertThat(text()).contains("unknown option --colour");
        assertThat(TestLogger.cli(new String[] {"--host"}, Map.of(), out)).isEqualTo(2);
        assertThat(text()).contains("--host needs a value");
        assertThat(TestLogger.cli(new String[] {"--help"}, Map.of(), out)).isZero();
        assertThat(text()).contains("usage: streamforge test-logger");
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String port(FakeFluentBit fluent) {
        return String.valueOf(fluent.port());
    }
}
