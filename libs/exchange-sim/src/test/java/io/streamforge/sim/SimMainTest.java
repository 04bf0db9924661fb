package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Symbol;
import org.junit.jupiter.api.Test;

class SimMainTest {
    @Test
    void flagsOverrideDefaults() {
        SimConfig c =
                SimMain.parse("--port", "18080", "--seed", "7", "--symbols", "btcusdt, ethbtc");
        assertThat(c.port()).isEqualTo(18080);
        assertThat(c.seed()).isEqualTo(7);
        assertThat(c.symbols()).containsExactly(Symbol.of("BTCUSDT"), Symbol.of("ETHBTC"));
        SimConfig none = SimMain.parse();
        assertThat(none.port()).isZero();
        assertThat(none.seed()).isEqualTo(SimConfig.defaults().seed());
        assertThat(none.symbols()).isEqualTo(SimConfig.DEFAULT_SYMBOLS);
    }

    @Test
    void streamReplayAndDumpFlags() {
        SimConfig c =
                SimMain.parse(
                        "--replay-from", "2024-01-15T00:00:00Z",
                        "--replay-speed", "3600",
                        "--ws-time-scale", "0.001",
                        "--max-streams", "10",
                        "--connections-per-window", "5",
                        "--micros-switch-date", "2024-06-01");
        long start =
                io.streamforge.domain.Micros.of(java.time.Instant.parse("2024-01-15T00:00:00Z"));
        assertThat(c.timeSource()).isInstanceOf(ReplayClock.class);
        assertThat(((ReplayClock) c.timeSource()).speed()).isEqualTo(3600.0);
        assertThat(c.timeSource().nowUs()).isBetween(start, start + 3_600_000_000L * 60);
        assertThat(c.streams().lifetimeMs()).isEqualTo(86_400L);
        assertThat(c.streams().pingIntervalMs()).isEqualTo(20L);
        assertThat(c.streams().maxStreamsPerConnection()).isEqualTo(10);
        assertThat(c.streams().connectionsPerWindow()).isEqualTo(5);
        assertThat(c.microsSwitchDate()).isEqualTo(java.time.LocalDate.of(2024, 6, 1));
        assertThat(SimMain.parse().microsSwitchDate())
                .isEqualTo(java.time.LocalDate.of(2025, 1, 1));
        assertThatThrownBy(() -> SimMain.parse("--replay-speed", "-2"))
                .hasMessage("--replay-speed expects a positive number, got '-2'");
        assertThatThrownBy(() -> SimMain.parse("--replay-from", "yesterday"))
                .hasMessageContaining("--replay-from expects an ISO instant");
        assertThatThrownBy(() -> SimMain.parse("--micros-switch-date", "2025-13-01"))
                .hasMessage("--micros-switch-date expects YYYY-MM-DD, got '2025-13-01'");
    }

    @Test
    void replayClockRunsFasterThanTheWall() throws InterruptedException {
        ReplayClock clock = ReplayClock.startingAtUs(1_000_000_000_000_000L, 1000);
        long a = clock.nowUs();
        Thread.sleep(50);
        long b = clock.nowUs();
        assertThat(b - a).isBetween(40_000_000L, 5_000_000_000L); // ≥ 40 s simulated in 50 ms
        assertThatThrownBy(() -> ReplayClock.startingAtUs(0, 0)).hasMessageContaining("speed");
    }

    @Test
    void badFlagsAreNamed() {
        assertThatThrownBy(() -> SimMain.parse("--port")).hasMessage("missing value for --port");
        assertThatThrownBy(() -> SimMain.parse("--port", "x"))
                .hasMessage("--port expects a number, got 'x'");
        assertThatThrownBy(() -> SimMain.parse("--colour", "red"))
                .hasMessage("unknown flag --colour");
        assertThatThrownBy(() -> SimMain.parse("--port", "70000"))
                .hasMessageContaining("port must be in [0, 65535]");
    }

    @Test
    void parsedConfigStartsAServer() {
        try (ExchangeSimulator sim =
                ExchangeSimulator.start(SimMain.parse("--symbols", "BTCUSDT"))) {
            assertThat(new Http(sim.baseUrl()).get("/api/v3/ping").statusCode()).isEqualTo(200);
            assertThat(sim.model().symbols()).containsExactly(Symbol.of("BTCUSDT"));
        }
    }
}
