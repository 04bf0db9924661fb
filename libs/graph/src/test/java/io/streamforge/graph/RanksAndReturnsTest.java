package io.streamforge.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ranks against a brute-force count, log returns by hand, and what a return series refuses. */
class RanksAndReturnsTest {
    /** Rank of v[i] = 1 + (number smaller) + (number equal - 1) / 2: the textbook definition. */
    private static double[] bruteForceRanks(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int smaller = 0;
            int equal = 0;
            for (double w : v) {
                smaller += w < v[i] ? 1 : 0;
                equal += w == v[i] ? 1 : 0;
            }
            out[i] = 1 + smaller + (equal - 1) / 2.0;
        }
        return out;
    }

    @Test
    void mergeSortRanksEqualTheDefinitionForOddLengthsAndHeavyTies() {
        Random random = new Random(11);
        for (int n : new int[] {1, 2, 3, 5, 7, 17, 33, 100, 257}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextInt(Math.max(1, n / 4)) - n / 8.0;
            }
            assertThat(Ranks.average(v)).as("n=%d", n).containsExactly(bruteForceRanks(v));
        }
        assertThat(Ranks.average(new double[0])).isEmpty();
        assertThat(Ranks.average(new double[] {5, 5, 5, 5, 5})).containsOnly(3.0);
        assertThat(
                        Ranks.average(
                                new double[] {
                                    Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY
                                }))
                .containsExactly(1, 2, 3);
        assertThatThrownBy(() -> Ranks.average(new double[] {1, 2, Double.NaN}))
                .hasMessage("cannot rank NaN at index 2");
    }

    @Test
    void logReturnsAreExactRatiosAndNameTheBadPrice() {
        double[] r = LogReturns.of(new double[] {100, 110, 99, 99});
        assertThat(r).hasSize(3);
        assertThat(r[0]).isCloseTo(Math.log(1.1), within(1e-15));
        assertThat(r[1]).isCloseTo(Math.log(0.9), within(1e-15));
        assertThat(r[2]).isZero();
        // a round trip back to 100 sums to zero
        double[] back = LogReturns.of(new double[] {100, 125, 80, 100});
        assertThat(back[0] + back[1] + back[2]).isCloseTo(0, within(1e-15));

        assertThatThrownBy(() -> LogReturns.of(new double[] {1}))
                .hasMessage("log returns need at least 2 prices, got 1");
        assertThatThrownBy(() -> LogReturns.of(null))
                .hasMessage("log returns need at least 2 prices, got null");
        assertThatThrownBy(() -> LogReturns.of(new double[] {1, 2, 0}))
                .hasMessage("price at index 2 must be positive and finite, got 0.0");
        assertThatThrownBy(() -> LogReturns.of(new double[] {Double.POSITIVE_INFINITY, 2}))
                .hasMessage("price at index 0 must be positive and finite, got Infinity");
        assertThatThrownBy(() -> LogReturns.of(new double[] {1, Double.NaN}))
                .hasMessage("price at index 1 must be positive and finite, got NaN");
    }

    @Test
    void aReturnSeriesCopiesItsInputAndRefusesInconsistentRows() {
        List<Symbol> two = List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
        double[][] rows = {{0.1, 0.2}, {0.3, 0.4}};
        ReturnSeries s = ReturnSeries.of(two, rows);
        rows[0][0] = 9;
        assertThat(s.values(0)).containsExactly(0.1, 0.2);
        s.values(1)[0] = 9;
        assertThat(s.values(1)).containsExactly(0.3, 0.4);
        assertThat(s.length()).isEqualTo(2);

        assertThatThrownBy(() -> ReturnSeries.of(two, new double[][] {{0.1, 0.2}}))
                .hasMessage("2 symbols but 1 return rows");
        assertThatThrownBy(
                        () ->
                                ReturnSeries.of(
                                        List.of(Symbol.of("BTCUSDT"), Symbol.of("BTCUSDT")),
                                        new double[][] {{1, 2}, {3, 4}}))
                .hasMessage("duplicate symbol in [BTCUSDT, BTCUSDT]");
        assertThatThrownBy(() -> ReturnSeries.of(two, new double[][] {{1, 2}, {3}}))
                .hasMessage("mismatched lengths: BTCUSDT has 2 returns, ETHUSDT has 1");
        assertThatThrownBy(() -> ReturnSeries.of(two, new double[][] {{1, 2}, {3, Double.NaN}}))
                .hasMessage("ETHUSDT: return at index 1 is NaN");
        assertThatThrownBy(() -> ReturnSeries.of(two, new double[][] {{1}, {3}}))
                .hasMessage("correlation needs at least 2 points per symbol, got 1");
        assertThatThrownBy(() -> ReturnSeries.of(List.of(), new double[0][]))
                .hasMessage("no symbols");
    }
}
