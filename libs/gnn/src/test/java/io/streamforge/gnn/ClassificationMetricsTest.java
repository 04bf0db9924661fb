package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    @Test
    void handWorkedExample() {
        // truth 0,0,1,1,2,2 ; predicted 0,1,1,1,2,0
        // class 0: tp1 fp1 fn1 -> F1 0.5 ; class 1: tp2 fp1 fn0 -> 0.8 ; class 2: tp1 fn1 -> 2/3
        ClassificationMetrics m =
                ClassificationMetrics.of(
                        new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0}, 3);
        assertThat(m.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((0.5 + 0.8 + 2 / 3.0) / 3, within(1e-12));
        assertThat(m.samples()).isEqualTo(6);
    }

    @Test
    void constantPredictionScoresOnlyItsClassAndAbsentClassesAreSkipped() {
        ClassificationMetrics m =
                ClassificationMetrics.of(new int[] {0, 1, 1, 1}, new int[] {1, 1, 1, 1}, 3);
        // class 0 F1 = 0, class 1 F1 = 2*3/(3+4) ; class 2 absent everywhere
        assertThat(m.macroF1()).isCloseTo((0 + 6 / 7.0) / 2, within(1e-12));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> ClassificationMetrics.of(new int[] {0}, new int[] {0, 1}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 labels but predicted has 2");
        assertThatThrownBy(() -> ClassificationMetrics.of(new int[0], new int[0], 3))
                .hasMessageContaining("zero samples");
        assertThatThrownBy(() -> ClassificationMetrics.of(new int[] {3}, new int[] {0}, 3))
                .hasMessageContaining("class 3 outside [0, 3)");
    }
}
