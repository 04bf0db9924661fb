package io.streamforge.domain.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.TimeRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingRangesTest {
    private static TimeRange r(long a, long b) {
        return new TimeRange(a, b);
    }

    @Test
    void theRangeMinusWhatIsCoveredSorted() {
        assertThat(MissingRanges.of(r(0, 100), List.of(r(40, 60), r(0, 10)), 1_000, 10))
                .containsExactly(r(10, 40), r(60, 100));
        assertThat(MissingRanges.of(r(0, 100), List.of(r(-5, 200)), 1_000, 10)).isEmpty();
        assertThat(MissingRanges.of(r(0, 100), List.of(), 1_000, 10)).containsExactly(r(0, 100));
    }

    @Test
    void fromTheCutOnEverythingIsMissingWhateverIsCovered() {
        assertThat(MissingRanges.of(r(0, 100), List.of(r(0, 100)), 70, 10))
                .containsExactly(r(70, 100));
        assertThat(MissingRanges.of(r(0, 100), List.of(r(80, 100)), 70, 10))
                .containsExactly(r(0, 100));
        assertThat(MissingRanges.of(r(0, 100), List.of(r(0, 30)), 0, 10))
                .containsExactly(r(0, 100));
    }

    @Test
    void tooManyRangesCloseTheSmallestHolesFirst() {
        List<TimeRange> ranges = List.of(r(0, 10), r(12, 20), r(50, 60), r(61, 70), r(100, 110));
        // holes: 2, 30, 1, 30
        assertThat(MissingRanges.coarsen(ranges, 5)).isEqualTo(ranges);
        assertThat(MissingRanges.coarsen(ranges, 4))
                .containsExactly(r(0, 10), r(12, 20), r(50, 70), r(100, 110));
        assertThat(MissingRanges.coarsen(ranges, 3))
                .containsExactly(r(0, 20), r(50, 70), r(100, 110));
        assertThat(MissingRanges.coarsen(ranges, 2)).containsExactly(r(0, 70), r(100, 110));
        assertThat(MissingRanges.coarsen(ranges, 1)).containsExactly(r(0, 110));
        assertThatThrownBy(() -> MissingRanges.coarsen(ranges, 0))
                .hasMessageContaining("max ranges < 1");
    }
}
