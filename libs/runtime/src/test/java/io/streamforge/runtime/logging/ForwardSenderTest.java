package io.streamforge.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ForwardSender} directly against a real TCP {@link FakeFluentBit}. */
class ForwardSenderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void withoutAckAConnectionClosedByFluentBitIsNoticedBeforeTheNextBatch() throws Exception {
        int port;
        FluentSettings settings;
        try (FakeFluentBit first = new FakeFluentBit(0, false)) {
            port = first.port();
            FluentSettings d = FluentSettings.defaults("127.0.0.1", port, "noack");
            settings =
                    new FluentSettings(
                            d.host(),
                            d.port(),
                            d.tag(),
                            1_000,
                            100,
                            false,
                            d.connectTimeout(),
                            d.ackTimeout(),
                            Duration.ofMillis(10),
                            Duration.ofMillis(100),
                            d.flushTimeout());
            try (ForwardSender sender = new ForwardSender(settings)) {
                send(sender, 0, 10);
                assertThat(sender.flush(WAIT)).isTrue();
                assertThat(first.await(r -> true, 10, WAIT)).hasSize(10);
                first.close();
                // Fluent-bit went away a moment ago: its FIN crosses loopback in a softirq that a
                // loaded machine may defer, so give it time to reach the client socket (a write
                // racing the close itself is the window only acks close).
                Thread.sleep(300);
                send(sender, 10, 20);
                try (FakeFluentBit second = FakeFluentBit.restartOn(port, false)) {
                    assertThat(sender.flush(WAIT)).isTrue();
                    List<FakeFluentBit.Received> got = second.await(r -> true, 10, WAIT);
                    assertThat(got)
                            .as(
                                    "connections %d, errors %s, last error %s",
                                    second.connectionCount(), second.errors(), sender.lastError())
                            .hasSize(10);
                    assertThat(got.get(0).record()).containsEntry("message", "m10");
                    assertThat(sender.delivered()).isEqualTo(20);
                    assertThat(sender.dropped()).isZero();
                }
            }
        }
    }

    @Test
    void offersAfterCloseAreDroppedAndUndeliveredRecordsCountAsDropped() throws Exception {
        FluentSettings d =
                FluentSettings.defaults("127.0.0.1", FakeFluentBit.freePort(), "closing");
        ForwardSender sender = new ForwardSender(d);
        send(sender, 0, 5);
        sender.close(Duration.ofMillis(50));
        assertThat(sender.offer(record(99))).isFalse();
        assertThat(sender.dropped()).isEqualTo(6);
        assertThat(sender.pending()).isZero();
        assertThat(sender.delivered()).isZero();
    }

    @Test
    void settingsRejectBadValues() {
        assertThatThrownBy(() -> FluentSettings.tagFor("has space"))
                .hasMessageContaining("app name must match");
        assertThatThrownBy(() -> FluentSettings.defaults(" ", 24224, "a"))
                .hasMessageContaining("host is blank");
        assertThatThrownBy(() -> FluentSettings.defaults("h", 0, "a"))
                .hasMessageContaining("port not in [1, 65535]: 0");
        assertThat(FluentSettings.tagFor("loader-api-candles"))
                .isEqualTo("internal.loader-api-candles");
    }

    private static void send(ForwardSender sender, int from, int to) {
        for (int i = from; i < to; i++) {
            assertThat(sender.offer(record(i))).isTrue();
        }
    }

    private static LogRecord record(int i) {
        return LogRecord.of(Instant.now(), Map.of("message", "m" + i));
    }
}
