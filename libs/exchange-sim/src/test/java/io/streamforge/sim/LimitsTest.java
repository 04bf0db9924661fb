package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Per-connection and per-IP limits, lifetime, ping / pong; each test runs its own simulator. */
class LimitsTest {
    static ExchangeSimulator start(StreamLimits limits) {
        return ExchangeSimulator.start(
                SimConfig.defaults()
                        .withSymbols("BTCUSDT")
                        .withTimeSource(new TestClock(StreamsTest.START_US))
                        .withStreams(limits));
    }

    @Test
    void moreThanFiveMessagesInASecondDisconnects() throws Exception {
        try (ExchangeSimulator sim = start(StreamLimits.defaults());
                Ws ws = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")) {
            for (int i = 1; i <= 5; i++) {
                ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
            }
            for (int i = 1; i <= 5; i++) {
                assertThat(ws.next(5))
                        .isEqualTo("{\"result\":[\"btcusdt@trade\"],\"id\":" + i + "}");
            }
            ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":6}");
            assertThat(ws.awaitClosed(5)).isEqualTo(1008);
            assertThat(ws.next(0.2)).isNull();
            assertThat(sim.webSocketRateLimitDrops()).isEqualTo(1);
        }
    }

    @Test
    void newConnectionsPerIpAreLimitedPerWindow() {
        try (ExchangeSimulator sim =
                start(StreamLimits.defaults().withConnectionsPerWindow(3, 60_000))) {
            Ws a = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade");
            Ws b = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade");
            Ws c = Ws.connect(sim.wsBaseUrl() + "/ws");
            assertThatThrownBy(() -> Ws.connect(sim.wsBaseUrl() + "/ws"))
                    .hasStackTraceContaining("429");
            assertThat(sim.webSocketRejectedConnections()).isEqualTo(1);
            a.close();
            b.close();
            c.close();
        }
    }

    @Test
    void invalidStreamInTheUrlIsRefused() {
        try (ExchangeSimulator sim = start(StreamLimits.defaults())) {
            assertThatThrownBy(() -> Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@nothing"))
                    .hasStackTraceContaining("400");
        }
    }

    @Test
    void connectionIsClosedAtTheEndOfItsLifetime() {
        try (ExchangeSimulator sim = start(StreamLimits.defaults().withLifetimeMs(400))) {
            long t0 = System.nanoTime(); // before the upgrade: the lifetime starts after it
            try (Ws ws = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")) {
                assertThat(ws.awaitClosed(5)).isEqualTo(1000);
                assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(400);
            }
        }
    }

    @Test
    void serverPingsAndKeepsAClientThatPongs() throws Exception {
        try (ExchangeSimulator sim = start(StreamLimits.defaults().withPing(250, 700));
                Ws ws = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")) {
            assertThat(ws.awaitClosed(1.6)).isNull();
            assertThat(ws.pings.get()).isBetween(3, 8); // ~6 expected; tolerant of a loaded box
        }
    }

    @Test
    void clientThatNeverPongsIsDisconnected() throws Exception {
        try (ExchangeSimulator sim = start(StreamLimits.defaults().withPing(100, 500));
                Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(
                    ("GET /ws/btcusdt@trade HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                    + "Sec-WebSocket-Version: 13\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long t0 = System.nanoTime();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            StringBuilder head = new StringBuilder();
            int pings = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                head.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                for (int i = 0; i < n; i++) {
                    pings += (buf[i] & 0xFF) == 0x89 ? 1 : 0; // FIN + ping opcode
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(head.toString()).startsWith("HTTP/1.1 101");
            assertThat(pings).isGreaterThanOrEqualTo(3);
            assertThat(ms).isBetween(400L, 3_000L);
        }
    }
}
