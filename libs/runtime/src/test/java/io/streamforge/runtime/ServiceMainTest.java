package io.streamforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of a long-running service: exit 2 on configuration errors before anything opens,
 * exit 1 when a part cannot be opened (the parts already open are closed, last first), exit 0 after
 * the stop signal with every part closed in reverse order.
 */
class ServiceMainTest {
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private AutoCloseable part(String name) {
        events.add("open " + name);
        return () -> events.add("close " + name);
    }

    @Test
    void aConfigurationErrorExitsWith2AndOpensNothing() {
        int code =
                ServiceMain.run(
                        "svc",
                        Map.of(),
                        new StopSignal(),
                        env -> {
                            throw new ConfigException(List.of("missing A", "missing B"));
                        },
                        (config, opened) -> opened.push(part("db")));
        assertThat(code).isEqualTo(ConfigException.EXIT_CODE).isEqualTo(2);
        assertThat(events).isEmpty();
    }

    @Test
    void aPartThatCannotOpenFailsTheStartAndClosesTheOthersLastFirst() {
        int code =
                ServiceMain.run(
                        "svc",
                        Map.of("X", "1"),
                        new StopSignal(),
                        env -> env.get("X"),
                        (config, opened) -> {
                            opened.push(part("db"));
                            opened.push(part("kafka"));
                            throw new IllegalStateException("http port taken");
                        });
        assertThat(code).isEqualTo(ServiceMain.FAILED);
        assertThat(events).containsExactly("open db", "open kafka", "close kafka", "close db");
    }

    @Test
    void aStopClosesEveryPartInReverseOrderAndExitsZeroEvenWhenAClosingFails() {
        StopSignal stop = new StopSignal();
        int code =
                ServiceMain.run(
                        "svc",
                        Map.of(),
                        stop,
                        env -> "config",
                        (config, opened) -> {
                            assertThat(config).isEqualTo("config");
                            opened.push(part("db"));
                            opened.push(
                                    () -> {
                                        events.add("close broken");
                                        throw new java.io.IOException("already closed");
                                    });
                            opened.push(part("http"));
                            stop.stop("SIGTERM"); // as the shutdown hook would
                        });
        assertThat(code).isEqualTo(ServiceMain.OK);
        assertThat(events)
                .containsExactly("open db", "open http", "close http", "close broken", "close db");
    }

    @Test
    void anInterruptWhileServingFailsAndStillCloses() throws Exception {
        List<Integer> codes = Collections.synchronizedList(new ArrayList<>());
        Thread t =
                new Thread(
                        () ->
                                codes.add(
                                        ServiceMain.run(
                                                "svc",
                                                Map.of(),
                                                new StopSignal(),
                                                env -> "c",
                                                (config, opened) -> opened.push(part("db")))));
        t.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!events.contains("open db") && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        t.interrupt();
        t.join(30_000);
        assertThat(codes).containsExactly(ServiceMain.FAILED);
        assertThat(events).containsExactly("open db", "close db");
    }

    @Test
    void aProcessForwardsLogsOnlyWhenFluentHostIsSetAndRefusesABadFluentPort() {
        assertThat(ServiceMain.forwardLogs("svc", Map.of())).isTrue();
        assertThat(io.streamforge.runtime.logging.FluentForwarding.active())
                .as("FLUENT_HOST unset: stdout only")
                .isEmpty();
        assertThat(
                        ServiceMain.forwardLogs(
                                "svc", Map.of("FLUENT_HOST", "127.0.0.1", "FLUENT_PORT", "x")))
                .isFalse();
        assertThat(io.streamforge.runtime.logging.FluentForwarding.active()).isEmpty();
    }
}
