package io.streamforge.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Interval;
import io.streamforge.domain.TimeRange;
import org.junit.jupiter.api.Test;

class ParamsTest {
    @Test
    void maxRowsCountsOpenTimesInTheRange() {
        TimeRange day = TimeRange.parseDays("2024-06-01:2024-06-01");
        assertThat(Params.maxRows(Interval.M1, day)).isEqualTo(1440);
        assertThat(Params.maxRows(Interval.H1, day)).isEqualTo(24);
        assertThat(Params.maxRows(Interval.D1, day)).isEqualTo(1);
        // 2024-06-01 is a Saturday: its week opened on Monday 2024-05-27
        assertThat(Params.maxRows(Interval.W1, TimeRange.parseDays("2024-06-01:2024-06-03")))
                .isEqualTo(2);
        assertThat(Params.maxRows(Interval.MO1, TimeRange.parseDays("2024-01-15:2024-03-01")))
                .isEqualTo(3);
        assertThat(Params.maxRows(Interval.M3, TimeRange.parseDays("2024-01-01:2024-12-31")))
                .isEqualTo(366 * 480);
    }
}
