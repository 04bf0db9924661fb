package io.streamforge.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorSpecTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "SMA:20;SMA_20",
                "ema:12;EMA_12",
                " RSI : 14 ;RSI_14",
                "ATR:14;ATR_14",
                "NATR:14;NATR_14",
                "OBV;OBV",
                "TRANGE;TRANGE",
                "VWAP:20;VWAP_20",
                "vwap:day;VWAP_DAY",
                "STDDEV:5;STDDEV_5",
                "STDDEV:5:1.50;STDDEV_5_1.5",
                "RVOL:30;RVOL_30",
                "WMA:9;WMA_9"
            })
    void singleColumnNames(String text, String column) {
        assertThat(IndicatorSpec.parse(text).columns()).containsExactly(column);
    }

    @Test
    void multiPartColumnNames() {
        assertThat(IndicatorSpec.parse("BBANDS:20:2.0").columns())
                .containsExactly("BBANDS_20_2_UPPER", "BBANDS_20_2_MIDDLE", "BBANDS_20_2_LOWER");
        assertThat(IndicatorSpec.parse("MACD:12:26:9").columns())
                .containsExactly("MACD_12_26_9", "MACD_12_26_9_SIGNAL", "MACD_12_26_9_HIST");
        assertThat(IndicatorSpec.parse("bbands:20:2.0").toString()).isEqualTo("BBANDS:20:2");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "FOO:3;unknown indicator 'FOO'",
                "'';empty indicator spec",
                "RSI;wrong parameter count for RSI",
                "SMA:20:3;wrong parameter count for SMA",
                "OBV:3;wrong parameter count for OBV",
                "MACD:12:26;expected MACD:fast:slow:signal",
                "BBANDS:20;wrong parameter count for BBANDS",
                "SMA:0;must be positive",
                "EMA:-5;must be positive",
                "RSI:abc;'abc' in 'RSI:abc' is not an integer",
                "BBANDS:20:0;deviations 0",
                "BBANDS:20:x;is not a number",
                "VWAP:WEEK;not an integer",
                "SMA:99999999;must be positive (1..1000000)"
            })
    void badSpecsAreRejectedWithTheProblemNamed(String text, String message) {
        assertThatThrownBy(() -> IndicatorSpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void macdNeedsFastBelowSlowWhenStreamed() {
        IndicatorSpec spec = IndicatorSpec.parse("MACD:26:12:9");
        assertThatThrownBy(() -> CandleIndicator.of(spec))
                .hasMessageContaining("must be less than slow");
    }

    @Test
    void duplicateColumnsAreRejected() {
        assertThatThrownBy(
                        () ->
                                new IndicatorStream(
                                        IndicatorSpec.parseAll(List.of("SMA:20", "sma:20"))))
                .hasMessageContaining("duplicate indicator column SMA_20");
    }
}
