package io.streamforge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsAndValuesTest {
    @Test
    void queueIdFollowsTheSeedRuleAndIsSanitised() {
        assertThat(Ids.queueId("BTCUSDT", "agg_trades", LocalDate.of(2024, 1, 1), "ab12cd"))
                .isEqualTo("loader-btcusdt-agg-trades-2024-01-01-ab12cd");
        assertThat(Ids.telemetryId("loader-api-candles", "ab12cd"))
                .isEqualTo("loader-api-candles__ab12cd");
        assertThat(Ids.sanitize("--A__b  C--")).isEqualTo("a-b-c");
    }

    @Test
    void shortIdsAreSixCharactersOfAlphabet() {
        Random r = new Random(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String s = Ids.shortId(r);
            assertThat(s).matches("[a-z0-9]{6}");
            seen.add(s);
        }
        assertThat(seen).hasSizeGreaterThan(990);
    }

    @Test
    void kubernetesNamesAreAtMost63AndStayDistinct() {
        String longA =
                "loader-verylongsymbolname-agg-trades-2024-01-01-abc123-loader-api-candles-extra";
        String longB = longA.replace("extra", "other");
        String a = Ids.k8sName(longA);
        String b = Ids.k8sName(longB);
        assertThat(a).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
        assertThat(b).hasSizeLessThanOrEqualTo(63);
        assertThat(a).isNotEqualTo(b);
        assertThat(Ids.k8sName("short-name")).isEqualTo("short-name");
    }

    @Test
    void symbolsAreUpperCaseAndValidated() {
        assertThat(Symbol.of(" btcusdt ").value()).isEqualTo("BTCUSDT");
        assertThat(Symbol.of("btcusdt").lower()).isEqualTo("btcusdt");
        assertThatThrownBy(() -> Symbol.of("BTC-USDT"))
                .hasMessageContaining("invalid symbol 'BTC-USDT'");
        assertThatThrownBy(() -> new Symbol("btcusdt"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decimalsAreNormalisedAndExact() {
        assertThat(Decimals.parse("price", "0.01000000")).isEqualTo(new BigDecimal("0.01"));
        assertThat(Decimals.parse("qty", "100.000")).isEqualTo(new BigDecimal("100"));
        assertThat(Decimals.format(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Decimals.normalize(new BigDecimal("0.000"))).isEqualTo(BigDecimal.ZERO);
        assertThatThrownBy(() -> Decimals.parse("price", "1,5"))
                .hasMessage("price: not a decimal: '1,5'");
        assertThatThrownBy(() -> Decimals.parse("qty", " ")).hasMessage("qty: missing decimal");
    }

    @Test
    void parsedDecimalsAreAlwaysInNormalFormWhateverTheSpelling() {
        for (String t :
                List.of(
                        "42050",
                        "-0",
                        "0",
                        "0.0",
                        "5.",
                        ".5",
                        "0.50",
                        "-0.50",
                        "1e3",
                        "1.20E-2",
                        "00012",
                        "+7.25",
                        "100.000",
                        "0.00000001",
                        "123456789012345678901234.5000")) {
            assertThat(Decimals.parse("x", t))
                    .as(t)
                    .isEqualTo(Decimals.normalize(new BigDecimal(t)));
        }
        assertThat(Symbol.of(" btcusdt ")).isEqualTo(Symbol.of("BTCUSDT"));
        assertThatThrownBy(() -> Symbol.of("BTC-USDT")).hasMessageContaining("BTC-USDT");
        assertThatThrownBy(() -> new Symbol("B")).hasMessageContaining("2-20");
        assertThatThrownBy(() -> new Symbol("btcusdt")).hasMessageContaining("btcusdt");
    }

    @Test
    void timeRangeParsesInclusiveDaysIntoHalfOpenMicros() {
        TimeRange r = TimeRange.parseDays("2024-01-01:2024-01-30");
        assertThat(r.startUs()).isEqualTo(Micros.of(LocalDate.of(2024, 1, 1)));
        assertThat(r.endUs()).isEqualTo(Micros.of(LocalDate.of(2024, 1, 31)));
        assertThat(r.lengthUs()).isEqualTo(30L * 86_400_000_000L);
        assertThat(r.contains(r.startUs())).isTrue();
        assertThat(r.contains(r.endUs())).isFalse();
        assertThatThrownBy(() -> TimeRange.parseDays("2024-01-31:2024-01-01"))
                .hasMessageContaining("before start");
        assertThatThrownBy(() -> TimeRange.parseDays("2024-13-01:2024-12-01"))
                .hasMessageContaining("not a date");
        assertThatThrownBy(() -> TimeRange.parseDays("2024-01-01"))
                .hasMessageContaining("expected YYYY-MM-DD:YYYY-MM-DD");
    }

    @Test
    void recordKeysAreDeterministic() {
        Symbol s = Symbol.of("BTCUSDT");
        var a =
                new AggTrade(
                        s, 42, new BigDecimal("1.0"), new BigDecimal("2"), 10, 12, 5, true, true);
        assertThat(a.key()).isEqualTo("BINANCE:SPOT:BTCUSDT:a:42");
        assertThat(a.invalidated()).isFalse();
        var inv = new AggTrade(s, 43, BigDecimal.ZERO, BigDecimal.ZERO, -1, -1, 5, true, true);
        assertThat(inv.invalidated()).isTrue();
        var t = new Trade(s, 7, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 1, false, true);
        assertThat(t.key()).isEqualTo("BINANCE:SPOT:BTCUSDT:t:7");
    }

    @Test
    void microsecondCloseTimesAreNormalisedToTheKlineConvention() {
        Symbol s = Symbol.of("BTCUSDT");
        long open = 1_735_689_600_000_000L;
        var fromUsSource =
                new Candle(
                        s,
                        Interval.M1,
                        open,
                        open + 59_999_999L,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        1,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO);
        var fromMsSource =
                new Candle(
                        s,
                        Interval.M1,
                        open,
                        open + 59_999_000L,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        1,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO);
        assertThat(fromUsSource).isEqualTo(fromMsSource);
        assertThat(fromUsSource.closeTimeUs()).isEqualTo(Interval.M1.closeTimeOf(open));
    }

    @Test
    void candleViolationsAreReported() {
        Symbol s = Symbol.of("ETHUSDT");
        var bad =
                new Candle(
                        s,
                        Interval.M1,
                        30_000_000L,
                        89_999_000L,
                        BigDecimal.TEN,
                        BigDecimal.ONE,
                        BigDecimal.TEN,
                        BigDecimal.TEN,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        1,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO);
        assertThat(bad.violations()).contains("high < low", "open_time_us not aligned to 1m");
        assertThatThrownBy(
                        () ->
                                new Candle(
                                        s,
                                        Interval.M1,
                                        60_000_000L,
                                        1L,
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        0,
                                        BigDecimal.ZERO,
                                        BigDecimal.ZERO))
                .hasMessageContaining("close_time_us before open_time_us");
    }
}
