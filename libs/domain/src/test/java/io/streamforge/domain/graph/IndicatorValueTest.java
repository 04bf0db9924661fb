package io.streamforge.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import org.junit.jupiter.api.Test;

/** Stored indicator values: names usable as keys, NaN as "not yet defined", no infinities. */
class IndicatorValueTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Interval H1 = Interval.of("1h");

    @Test
    void theKeyNamesSymbolIntervalOpenTimeAndIndicator() {
        IndicatorValue v = new IndicatorValue(BTC, H1, 3_600_000_000L, "RSI_14", 55.5);
        assertThat(v.key()).isEqualTo("BTCUSDT:1h:3600000000:RSI_14");
        assertThat(v.present()).isTrue();
    }

    @Test
    void nanIsAWarmUpValueButInfinityIsRefused() {
        assertThat(new IndicatorValue(BTC, H1, 0, "SMA_20", Double.NaN).present()).isFalse();
        assertThatThrownBy(() -> new IndicatorValue(BTC, H1, 7, "ATR_14", Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indicator ATR_14 of BTCUSDT at 7: -Infinity");
    }

    @Test
    void namesAreOneTo64KeySafeCharacters() {
        assertThat(IndicatorValue.checkName("BBANDS_20_2.0-upper"))
                .isEqualTo("BBANDS_20_2.0-upper");
        assertThat(IndicatorValue.checkName("x".repeat(64))).hasSize(64);
        for (String bad : new String[] {"", "RSI:14", "a b", "x".repeat(65), "ä"}) {
            assertThatThrownBy(() -> IndicatorValue.checkName(bad))
                    .as(bad)
                    .hasMessage("indicator name '" + bad + "': expected 1-64 of [A-Za-z0-9_.-]");
        }
        assertThatThrownBy(() -> new IndicatorValue(BTC, H1, 0, null, 1))
                .hasMessage("indicator name 'null': expected 1-64 of [A-Za-z0-9_.-]");
        assertThatThrownBy(() -> new IndicatorValue(BTC, null, 0, "RSI", 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("interval");
    }
}
