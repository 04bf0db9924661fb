package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Feature values worked out by hand on series whose statistics are known in closed form. */
class FeatureValuesTest {
    private static final int T = FeatureExtractor.WARMUP_STEPS;

    private static double[] series(int length, java.util.function.IntToDoubleFunction f) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = f.applyAsDouble(i);
        }
        return out;
    }

    @Test
    void anAlternatingPriceHasSampleVolatilityAndNoNetMove() {
        double[] close = series(T + 1, i -> i % 2 == 0 ? 100 : 110);
        double[] volume = series(T + 1, i -> 10);
        double[] f = FeatureExtractor.featuresAt(close, volume, T);
        double a = Math.log(1.1);
        assertThat(f[0]).isCloseTo(-a, within(1e-12));
        assertThat(f[1]).isCloseTo(-a, within(1e-12)); // t-5 is odd: 110
        assertThat(f[2]).isZero(); // t-20 is even: 100
        // ten +a and ten -a: mean 0, sample variance 20a²/19
        assertThat(f[3]).isCloseTo(a * Math.sqrt(20.0 / 19), within(1e-12));
        assertThat(f[4]).isZero(); // 7 gains and 7 losses of 10 in the last 14 steps
        // a flat volume is its own mean, up to the 1e-9·mean that keeps a zero volume finite
        assertThat(f[5]).isCloseTo(Math.log1p(1e-9), within(1e-15));
    }

    @Test
    void threeUpOneDownGivesAnRsiOfAHalf() {
        double[] close = series(T + 1, i -> 50 + 3 * ((i + 1) / 2) - (i / 2));
        // diffs alternate +3, -1; 14 of them: gains 21, losses 7 → (21-7)/28
        double[] f = FeatureExtractor.featuresAt(close, series(T + 1, i -> 1), T);
        assertThat(f[4]).isEqualTo(0.5);
        assertThat(f[0]).isCloseTo(Math.log(close[T] / close[T - 1]), within(1e-15));
        assertThat(close[T] - close[T - 1]).isEqualTo(-1);
    }

    @Test
    void volumeRatioIsZeroWithoutVolumeAndFiniteWhenTheLastStepHasNone() {
        double[] close = series(T + 1, i -> 100 + i);
        assertThat(FeatureExtractor.featuresAt(close, new double[T + 1], T)[5]).isZero();
        double[] quietNow = series(T + 1, i -> i == T ? 0 : 10);
        // mean 9.5 over the window; log((0 + 1e-9·9.5) / 9.5) = log(1e-9)
        assertThat(FeatureExtractor.featuresAt(close, quietNow, T)[5])
                .isCloseTo(Math.log(1e-9), within(1e-9));
        double[] spike = series(T + 1, i -> i == T ? 30 : 10);
        assertThat(FeatureExtractor.featuresAt(close, spike, T)[5])
                .isCloseTo(Math.log(30 / 11.0), within(1e-9));
    }

    @Test
    void latestScoresTheLastStepOfEveryNodeAndChecksTheSeries() {
        double[][] close = {series(T + 3, i -> 100 + i), series(T + 3, i -> 200 - i)};
        double[][] volume = {series(T + 3, i -> 5), series(T + 3, i -> 5)};
        double[][] latest = FeatureExtractor.latest(close, volume);
        assertThat(latest).hasDimensions(2, FeatureExtractor.featureCount());
        assertThat(latest[0])
                .containsExactly(FeatureExtractor.featuresAt(close[0], volume[0], T + 2));
        assertThat(latest[1][4]).isEqualTo(-1.0);
        assertThat(latest[1][0]).isCloseTo(Math.log(178 / 179.0), within(1e-15));

        double[][] short20 = {series(T, i -> 1)};
        assertThatThrownBy(() -> FeatureExtractor.latest(short20, short20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series too short: 20 time steps, need at least 21");
        assertThatThrownBy(() -> FeatureExtractor.featuresAt(close[0], new double[T], T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time step 20 needs 20 steps of history and data at t");
    }
}
