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
