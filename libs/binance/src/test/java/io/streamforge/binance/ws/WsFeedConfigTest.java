package io.streamforge.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The derived timings of {@link WsFeedConfig} (backoff, rotation, pacing) and its validation. */
class WsFeedConfigTest {
    private static final WsFeedConfig DEFAULTS = WsFeedConfig.defaults("ws://localhost:1/");

    @Test
    void reconnectBackoffDoublesPerAttemptUpToTheMaximumWithJitterInTheUpperHalf() {
        WsFeedConfig c = DEFAULTS.withTimeouts(60_000, 10_000, 1_000, 60_000);
        long[] ceilings = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000};
        for (int attempt = 1; attempt <= ceilings.length; attempt++) {
            long d = ceilings[attempt - 1];
            for (int draw = 0; draw < 200; draw++) {
                assertThat(c.reconnectBackoffMs(attempt))
                        .as("attempt %d", attempt)
                        .isBetween(d / 2, d);
            }
        }
        assertThat(c.reconnectBackoffMs(10_000)).as("no overflow").isBetween(30_000L, 60_000L);
    }

    @Test
    void aZeroBackoffReconnectsAtOnce() {
        WsFeedConfig c = DEFAULTS.withTimeouts(60_000, 10_000, 0, 0);
        assertThat(c.reconnectBackoffMs(1)).isZero();
        assertThat(c.reconnectBackoffMs(7)).isZero();
    }

    @Test
    void shardsRotateStaggeredButNeverBeforeHalfTheLifetime() {
        WsFeedConfig c = DEFAULTS.withRotation(10_000, 3_000);
        assertThat(c.rotateAfterMs(0)).isEqualTo(10_000);
        assertThat(c.rotateAfterMs(1)).isEqualTo(7_000);
        assertThat(c.rotateAfterMs(2)).as("floor: half the lifetime").isEqualTo(5_000);
        assertThat(c.rotateAfterMs(9)).isEqualTo(5_000);
    }

    @Test
    void controlMessagesArePacedBelowTheirRate() {
        assertThat(DEFAULTS.controlIntervalMs()).as("3/s").isEqualTo(334);
        assertThat(DEFAULTS.withSubscribe(4.9, 100).controlIntervalMs()).isEqualTo(205);
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> WsFeedConfig.defaults("http://localhost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ws baseUrl");
        assertThatThrownBy(() -> DEFAULTS.withSubscribe(5, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("controlMessagesPerSecond");
        assertThatThrownBy(() -> DEFAULTS.withTimeouts(60_000, 10_000, 2_000, 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reconnect backoff: need 0 <= initial <= max, got 2000 and 1000");
        assertThat(DEFAULTS.baseUrl()).as("trailing slash dropped").isEqualTo("ws://localhost:1");
    }
}
