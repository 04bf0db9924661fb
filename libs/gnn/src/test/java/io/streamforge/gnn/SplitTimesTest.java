package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Exact snapshot times of the time-ordered split, worked out by hand: candidates run from t = 20 to
 * steps-1-horizon, train/validation take floor(fraction·candidates), and the first snapshot of the
 * next split is skipped forward until it is at least one horizon after the previous split.
 */
class SplitTimesTest {
    private static int[] range(int fromInclusive, int toInclusive) {
        return IntStream.rangeClosed(fromInclusive, toInclusive).toArray();
    }

    @Test
    void everyStepWithAHorizonOfTwoSkipsOneCandidateAtEachBoundary() {
        // 51 steps → candidates 20..48 (29): train 17, validation 5
        int[][] s = GnnDataset.splitTimes(51, new DatasetConfig(2, 0.004, 0.6, 0.2, 1));
        assertThat(s[0]).containsExactly(range(20, 36));
        assertThat(s[1]).containsExactly(range(38, 42)); // 37 < 36 + 2
        assertThat(s[2]).containsExactly(range(44, 48)); // 43 < 42 + 2
    }

    @Test
    void aStrideWiderThanTheHorizonNeedsNoEmbargo() {
        // candidates 20, 23, …, 47 (10): train 6, validation 2
        int[][] s = GnnDataset.splitTimes(51, new DatasetConfig(2, 0.004, 0.6, 0.2, 3));
        assertThat(s[0]).containsExactly(20, 23, 26, 29, 32, 35);
        assertThat(s[1]).containsExactly(38, 41);
        assertThat(s[2]).containsExactly(44, 47);
    }

    @Test
    void aHorizonLongerThanTheStrideDropsWholeStrides() {
        // horizon 5: candidates 20, 23, …, 44 (9): train 5, validation 1
        int[][] s = GnnDataset.splitTimes(51, new DatasetConfig(5, 0.004, 0.6, 0.2, 3));
        assertThat(s[0]).containsExactly(20, 23, 26, 29, 32);
        assertThat(s[1]).containsExactly(38); // 35 < 32 + 5
        assertThat(s[2]).containsExactly(44); // 41 < 38 + 5
    }

    @Test
    void anEmbargoThatEatsTheLastCandidatesLeavesAnEmptySplitNamedInTheError() {
        // candidates 20..26 (7): train 4 (20..23), validation 1 → 25 (24 < 23 + 2), test → none
        // left after the embargo (26 < 25 + 2)
        assertThatThrownBy(
                        () -> GnnDataset.splitTimes(29, new DatasetConfig(2, 0.004, 0.6, 0.2, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "series too short: the test split is empty (29 time steps, 7 usable"
                                + " snapshots)");
    }

    @Test
    void aReturnExactlyAtTheThresholdIsFlat() {
        assertThat(Direction.classify(0.004, 0.004)).isEqualTo(Direction.FLAT.ordinal());
        assertThat(Direction.classify(-0.004, 0.004)).isEqualTo(Direction.FLAT.ordinal());
        assertThat(Direction.classify(Math.nextUp(0.004), 0.004)).isEqualTo(Direction.UP.ordinal());
        assertThat(Direction.classify(Math.nextDown(-0.004), 0.004))
                .isEqualTo(Direction.DOWN.ordinal());
        assertThat(Direction.classify(0, 0)).isEqualTo(Direction.FLAT.ordinal());
    }
}
