package io.streamforge.visualizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.TimeRange;
import org.junit.jupiter.api.Test;

class ResolutionTest {
    static final TimeRange DAY = TimeRange.parseDays("2024-05-01:2024-05-01");
    static final TimeRange YEAR = TimeRange.parseDays("2024-01-01:2024-12-31");

    @Test
    void theRequestedIntervalWhenItFits() {
        assertThat(Resolution.choose(Interval.M1, Interval.M1, DAY, 2000)).isEqualTo(Interval.M1);
        assertThat(Resolution.choose(Interval.M1, Interval.H1, DAY, 2000)).isEqualTo(Interval.H1);
    }

    @Test
    void theNextCoarserIntervalThatKeepsThePointCountBounded() {
        assertThat(Resolution.choose(Interval.M1, Interval.M1, DAY, 1000)).isEqualTo(Interval.M3);
        assertThat(Resolution.choose(Interval.M1, Interval.M1, YEAR, 2000)).isEqualTo(Interval.H6);
        assertThat(Resolution.choose(Interval.H1, Interval.H1, YEAR, 500)).isEqualTo(Interval.D1);
        assertThat(Resolution.choose(Interval.M1, Interval.M1, YEAR, 10)).isEqualTo(Interval.MO1);
    }

    @Test
    void aDisplayIntervalFinerThanTheStoredOneIsRefused() {
        assertThatThrownBy(() -> Resolution.choose(Interval.H1, Interval.M5, DAY, 2000))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("not a whole multiple of the stored 1h");
        assertThat(Resolution.isMultiple(Interval.M5, Interval.M3)).isFalse();
        assertThat(Resolution.isMultiple(Interval.M15, Interval.H1)).isTrue();
    }
}
