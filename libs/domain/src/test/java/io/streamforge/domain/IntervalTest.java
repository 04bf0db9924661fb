package io.streamforge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IntervalTest {
    private static long us(String iso) {
        return Micros.of(Instant.parse(iso));
    }

    @Test
    void codesAreCaseSensitiveAndCoverAllBinanceIntervals() {
        assertThat(Interval.values())
                .extracting(Interval::code)
                .containsExactly(
                        "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h",
                        "1d", "3d", "1w", "1M");
        assertThat(Interval.of("1M")).isEqualTo(Interval.MO1);
        assertThat(Interval.of("1m")).isEqualTo(Interval.M1);
        assertThatThrownBy(() -> Interval.of("1H")).hasMessageContaining("invalid interval '1H'");
        assertThat(Interval.MO1.dumpCode()).isEqualTo("1mo");
    }

    @Test
    void openTimesAlignLikeBinance() {
        assertThat(Interval.M5.openTimeOf(us("2024-01-15T10:07:59.999Z")))
                .isEqualTo(us("2024-01-15T10:05:00Z"));
        // weekly candles open on Monday 00:00 UTC (2024-01-15 was a Monday)
        assertThat(Interval.W1.openTimeOf(us("2024-01-21T23:59:59Z")))
                .isEqualTo(us("2024-01-15T00:00:00Z"));
        assertThat(Interval.MO1.openTimeOf(us("2024-02-29T12:00:00Z")))
                .isEqualTo(us("2024-02-01T00:00:00Z"));
        assertThat(Interval.D3.openTimeOf(us("1970-01-04T00:00:00Z")))
                .isEqualTo(us("1970-01-04T00:00:00Z"));
    }

    @Test
    void calendarMonthHasVariableLengthAndCloseTimeIsNextOpenMinusOneMs() {
        long feb = us("2024-02-01T00:00:00Z");
        assertThat(Interval.MO1.nextOpenTime(feb)).isEqualTo(us("2024-03-01T00:00:00Z"));
        assertThat(Interval.MO1.closeTimeOf(feb)).isEqualTo(us("2024-02-29T23:59:59.999Z"));
        assertThat(Interval.M1.closeTimeOf(0)).isEqualTo(59_999_000L);
        assertThatThrownBy(Interval.MO1::fixedUs).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void microsHelpers() {
        assertThat(Micros.fromMsOrUs(1_704_067_200_000L)).isEqualTo(1_704_067_200_000_000L);
        assertThat(Micros.fromMsOrUs(1_735_689_600_000_000L)).isEqualTo(1_735_689_600_000_000L);
        assertThat(Micros.toMs(-1)).isEqualTo(-1);
        assertThat(Micros.toDate(Micros.of(LocalDate.of(2025, 1, 1))))
                .isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(Micros.toInstant(us("2024-01-01T00:00:00.000001Z")))
                .isEqualTo(Instant.parse("2024-01-01T00:00:00.000001Z"));
    }
}
