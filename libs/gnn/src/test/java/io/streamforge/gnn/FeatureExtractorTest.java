package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private static double[] geometric(int n, double growth) {
        double[] c = new double[n];
        c[0] = 100;
        for (int i = 1; i < n; i++) {
            c[i] = c[i - 1] * growth;
        }
        return c;
    }

    @Test
    void steadyGrowthGivesExactReturnsZeroVolatilityAndFullRsi() {
        double[] close = geometric(30, 1.01);
        double[] volume = new double[30];
        Arrays.fill(volume, 5);
        double[] f = FeatureExtractor.featuresAt(close, volume, 25);
        double r = Math.log(1.01);
        assertThat(f).hasSize(FeatureExtractor.featureCount());
        assertThat(f[0]).isCloseTo(r, within(1e-12));
        assertThat(f[1]).isCloseTo(5 * r, within(1e-12));
        assertThat(f[2]).isCloseTo(20 * r, within(1e-12));
        assertThat(f[3]).isCloseTo(0, within(1e-9));
        assertThat(f[4]).isEqualTo(1.0);
        assertThat(f[5]).isCloseTo(0, within(1e-6));
    }

    @Test
    void fallingPricesGiveNegativeRsiAndVolumeSpikeGivesPositiveRatio() {
        double[] close = geometric(30, 0.99);
        double[] volume = new double[30];
        Arrays.fill(volume, 10);
        volume[22] = 110; // window of 20 ending at 22: mean = (19*10 + 110)/20 = 15
        double[] f = FeatureExtractor.featuresAt(close, volume, 22);
        assertThat(f[4]).isEqualTo(-1.0);
        assertThat(f[5]).isCloseTo(Math.log(110 / 15.0), within(1e-6));
    }

    @Test
    void featuresNeverLookAhead() {
        double[] close = SyntheticMarket.generate(1, 1, 60, 9L).close()[1];
        double[] volume = SyntheticMarket.generate(1, 1, 60, 9L).volume()[1];
        double[] before = FeatureExtractor.featuresAt(close, volume, 40);
        for (int t = 41; t < 60; t++) {
            close[t] *= 3;
            volume[t] = 0;
        }
        assertThat(FeatureExtractor.featuresAt(close, volume, 40)).containsExactly(before);
    }

    @Test
    void rejectsTimeWithoutEnoughHistory() {
        double[] close = geometric(30, 1.0);
        assertThatThrownBy(() -> FeatureExtractor.featuresAt(close, close, 19))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 20 steps of history");
    }
}
