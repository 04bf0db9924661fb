package io.streamforge.domain.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.TimeRange;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangesTest {
    static TimeRange r(long start, long end) {
        return new TimeRange(start, end);
    }

    @Test
    void mergeJoinsOverlappingAdjacentAndContainedRangesInAnyOrder() {
        assertThat(Ranges.merge(List.of(r(50, 60), r(0, 10), r(10, 20), r(15, 18), r(19, 30))))
                .containsExactly(r(0, 30), r(50, 60));
        assertThat(Ranges.merge(List.of(r(0, 10), r(11, 20)))).containsExactly(r(0, 10), r(11, 20));
        assertThat(Ranges.merge(List.of())).isEmpty();
    }

    @Test
    void mergeRejectsANullRangeNamingItsIndex() {
        assertThatThrownBy(() -> Ranges.merge(Arrays.asList(r(0, 1), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ranges[1]");
    }

    @Test
    void diffReturnsTheUncoveredParts() {
        TimeRange whole = r(100, 200);
        assertThat(Coverage.diff(whole, List.of())).containsExactly(whole);
        assertThat(Coverage.diff(whole, List.of(r(0, 300)))).isEmpty();
        assertThat(Coverage.diff(whole, List.of(r(150, 160), r(90, 120), r(190, 250))))
                .containsExactly(r(120, 150), r(160, 190));
        assertThat(Coverage.diff(whole, List.of(r(0, 100), r(200, 300)))).containsExactly(whole);
        assertThat(Coverage.diff(whole, List.of(r(120, 130), r(125, 140))))
                .containsExactly(r(100, 120), r(140, 200));
    }

    @Test
    void intersectOverlapTouchAndTotal() {
        assertThat(Ranges.intersect(r(0, 10), r(5, 20))).contains(r(5, 10));
        assertThat(Ranges.intersect(r(0, 10), r(10, 20))).isEmpty();
        assertThat(Ranges.overlaps(r(0, 10), r(10, 20))).isFalse();
        assertThat(Ranges.touches(r(0, 10), r(10, 20))).isTrue();
        assertThat(Ranges.touches(r(0, 10), r(11, 20))).isFalse();
        assertThat(Ranges.totalUs(List.of(r(0, 10), r(5, 15), r(20, 21)))).isEqualTo(16);
    }
}
