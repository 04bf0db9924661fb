package io.streamforge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Epoch-µs arithmetic at its edges (before 1970, overflow, the ms/µs threshold) and day ranges. */
class MicrosAndDaysTest {
    @Test
    void timesBefore1970RoundDownNotTowardZero() {
        assertThat(Micros.toMs(-1)).isEqualTo(-1);
        assertThat(Micros.toMs(-1_000)).isEqualTo(-1);
        assertThat(Micros.toMs(-1_001)).isEqualTo(-2);
        assertThat(Micros.toMs(999)).isZero();
        assertThat(Micros.toInstant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThat(Micros.of(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
        assertThat(Micros.toDate(-1)).isEqualTo(LocalDate.of(1969, 12, 31));
        assertThat(Micros.toDate(0)).isEqualTo(LocalDate.of(1970, 1, 1));
    }

    @Test
    void nanosecondsBelowAMicrosecondAreDropped() {
        assertThat(Micros.of(Instant.parse("2024-01-01T00:00:00.000001999Z")))
                .isEqualTo(1_704_067_200_000_001L);
        assertThat(Micros.toInstant(1_704_067_200_000_001L))
                .isEqualTo(Instant.parse("2024-01-01T00:00:00.000001Z"));
    }

    @Test
    void overflowIsAnErrorNotAWrappedValue() {
        assertThatThrownBy(() -> Micros.fromMs(Long.MAX_VALUE / 1_000 + 1))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Micros.fromMs(Long.MAX_VALUE / 1_000)).isEqualTo(Long.MAX_VALUE / 1_000 * 1_000);
        assertThatThrownBy(() -> Micros.of(Instant.MAX)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theMsOrUsThresholdItselfIsReadAsMilliseconds() {
        assertThat(Micros.fromMsOrUs(Micros.MICROS_THRESHOLD))
                .isEqualTo(Micros.MICROS_THRESHOLD * 1_000);
        assertThat(Micros.fromMsOrUs(Micros.MICROS_THRESHOLD + 1))
                .isEqualTo(Micros.MICROS_THRESHOLD + 1);
        assertThat(Micros.fromMsOrUs(0)).isZero();
    }

    @Test
    void aDayRangeCoversWholeUtcDaysIncludingLeapDays() {
        TimeRange leapDay = TimeRange.parseDays("2024-02-29:2024-02-29");
        assertThat(leapDay.startUs()).isEqualTo(1_709_164_800_000_000L);
        assertThat(leapDay.lengthUs()).isEqualTo(86_400_000_000L);
        assertThat(leapDay.firstDay()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(TimeRange.parseDays("2023-12-31:2024-12-31").lengthUs())
                .isEqualTo(367 * 86_400_000_000L);
        assertThat(leapDay.contains(leapDay.startUs())).isTrue();
        assertThat(leapDay.contains(leapDay.endUs() - 1)).isTrue();
        assertThat(leapDay.contains(leapDay.endUs())).isFalse();
        assertThat(leapDay.contains(leapDay.startUs() - 1)).isFalse();
        assertThatThrownBy(() -> TimeRange.parseDays("2023-02-29:2023-03-01"))
                .hasMessage("time_range: not a date in '2023-02-29:2023-03-01'");
    }

    @Test
    void malformedDayRangesNameTheProblem() {
        assertThatThrownBy(() -> TimeRange.parseDays(null)).hasMessage("time_range: missing");
        assertThatThrownBy(() -> TimeRange.parseDays("2024-01-01:2024-01-02:"))
                .hasMessage(
                        "time_range: expected YYYY-MM-DD:YYYY-MM-DD, got '2024-01-01:2024-01-02:'");
        assertThatThrownBy(() -> TimeRange.parseDays(":"))
                .hasMessage("time_range: not a date in ':'");
        assertThatThrownBy(() -> TimeRange.parseDays(" 2024-01-01:2024-01-02"))
                .hasMessageStartingWith("time_range: not a date");
        assertThatThrownBy(() -> new TimeRange(5, 5))
                .hasMessage("time range end must be after start");
        assertThat(new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE).contains(0)).isTrue();
    }
}
