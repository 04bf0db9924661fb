package io.streamforge.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

class CorrelationsTest {

    @Test
    void perfectPositiveAndNegativeCorrelation() {
        double[] x = {1, 4, 2, 8, 5, 7};
        double[] up = new double[x.length];
        double[] down = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            up[i] = 2 * x[i] + 3;
            down[i] = -0.5 * x[i] + 1;
        }
        for (double[] c :
                List.of(
                        Correlations.pearson(new double[][] {x, up, down}),
                        Correlations.spearman(new double[][] {x, up, down}))) {
            assertThat(c[1]).isCloseTo(1.0, within(1e-15));
            assertThat(c[2]).isCloseTo(-1.0, within(1e-15));
            assertThat(c[5]).isCloseTo(-1.0, within(1e-15));
            assertThat(c[0]).isEqualTo(1.0);
        }
    }

    @Test
    void handCheckedPearson() {
        // dx = [-1,0,1], dy = [-1,1,0]: sum dx*dy = 1, sum dx^2 = sum dy^2 = 2 -> 0.5
        double[] c = Correlations.pearson(new double[][] {{1, 2, 3}, {1, 3, 2}});
        assertThat(c).containsExactly(new double[] {1, 0.5, 0.5, 1}, within(1e-15));
    }

    @Test
    void spearmanGivesTiesTheirAverageRank() {
        assertThat(Ranks.average(new double[] {10, 20, 20, 30})).containsExactly(1, 2.5, 2.5, 4);
        assertThat(Ranks.average(new double[] {3, -0.0, 0.0, 3, 3}))
                .containsExactly(4, 1.5, 1.5, 4, 4);
        // ranks x = [1,2.5,2.5,4], y = [1,3,2,4]: 4.5 / sqrt(4.5 * 5) = 3 / sqrt(10)
        double[] c = Correlations.spearman(new double[][] {{1, 2, 2, 3}, {1, 3, 2, 4}});
        assertThat(c[1]).isCloseTo(3 / Math.sqrt(10), within(1e-15));
    }

    @Test
    void spearmanIgnoresMonotoneTransformsButPearsonDoesNot() {
        Random rnd = new Random(7);
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
            y[i] = x[i] + rnd.nextGaussian();
        }
        double[] expY = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            expY[i] = Math.exp(3 * y[i]);
        }
        double s1 = Correlations.spearman(new double[][] {x, y})[1];
        double s2 = Correlations.spearman(new double[][] {x, expY})[1];
        assertThat(s2).isCloseTo(s1, within(1e-15));
        double p1 = Correlations.pearson(new double[][] {x, y})[1];
        double p2 = Correlations.pearson(new double[][] {x, expY})[1];
        assertThat(Math.abs(p2 - p1)).isGreaterThan(0.01);
    }

    @Test
    void pearsonAgreesWithCommonsMathAcrossBlockBoundaries() {
        // 300 series cross the 256-column and 32-row blocks; 103 points leave a remainder of 4.
        double[][] rows = randomRows(300, 103, 11, false);
        double[][] data = transpose(rows);
        double[] ours = Correlations.pearson(rows);
        assertAgrees(ours, new PearsonsCorrelation(new Covariance(data)).getCorrelationMatrix(), 0);
        // The direct route goes through sqrt(R^2) of a regression and loses digits when rho is
        // near 0 (see nearZeroCorrelationIsExact), so compare it where |rho| >= 1e-3.
        assertAgrees(ours, new PearsonsCorrelation(data).getCorrelationMatrix(), 1e-3);
    }

    @Test
    void nearZeroCorrelationIsExact() {
        double[][] rows = randomRows(300, 103, 11, false);
        double[] ours = Correlations.pearson(rows);
        // rows 70 and 221 have rho ~ -4.4e-6, where Commons Math's direct route is off by 8e-12
        assertThat(ours[70 * 300 + 221])
                .isCloseTo(exactPearson(rows[70], rows[221]), within(1e-16));
        assertThat(Math.abs(ours[70 * 300 + 221])).isLessThan(1e-4);
    }

    @Test
    void pearsonIsAccurateOnSeriesWithLargeMeans() {
        // a mean 1000x the spread; exact value from BigDecimal arithmetic
        Random rnd = new Random(3);
        double[][] rows = new double[2][200];
        for (int t = 0; t < 200; t++) {
            rows[0][t] = 1000 + rnd.nextGaussian();
            rows[1][t] = 2000 + 0.5 * (rows[0][t] - 1000) + rnd.nextGaussian();
        }
        assertThat(Correlations.pearson(rows)[1])
                .isCloseTo(exactPearson(rows[0], rows[1]), within(1e-14));
    }

    private static double exactPearson(double[] x, double[] y) {
        var mc = new java.math.MathContext(50);
        java.math.BigDecimal sx = java.math.BigDecimal.ZERO;
        java.math.BigDecimal sy = java.math.BigDecimal.ZERO;
        for (int t = 0; t < x.length; t++) {
            sx = sx.add(new java.math.BigDecimal(x[t]));
            sy = sy.add(new java.math.BigDecimal(y[t]));
        }
        var len = java.math.BigDecimal.valueOf(x.length);
        var mx = sx.divide(len, mc);
        var my = sy.divide(len, mc);
        java.math.BigDecimal sxy = java.math.BigDecimal.ZERO;
        java.math.BigDecimal sxx = java.math.BigDecimal.ZERO;
        java.math.BigDecimal syy = java.math.BigDecimal.ZERO;
        for (int t = 0; t < x.length; t++) {
            var dx = new java.math.BigDecimal(x[t]).subtract(mx);
            var dy = new java.math.BigDecimal(y[t]).subtract(my);
            sxy = sxy.add(dx.multiply(dy));
            sxx = sxx.add(dx.multiply(dx));
            syy = syy.add(dy.multiply(dy));
        }
        return sxy.divide(sxx.multiply(syy).sqrt(mc), mc).doubleValue();
    }

    @Test
    void spearmanAgreesWithCommonsMathWithManyTies() {
        double[][] rows = randomRows(40, 257, 5, true);
        assertAgrees(
                Correlations.spearman(rows),
                new SpearmansCorrelation(
                                new org.apache.commons.math3.linear.BlockRealMatrix(
                                        transpose(rows)))
                        .getCorrelationMatrix(),
                0);
    }

    @Test
    void constantSeriesIsRejectedByName() {
        var returns =
                ReturnSeries.of(
                        List.of(Symbol.of("AAA"), Symbol.of("BBB")),
                        new double[][] {{0.1, -0.2, 0.3}, {0.01, 0.01, 0.01}});
        assertThatThrownBy(() -> Correlations.compute(returns, CorrelationMethod.PEARSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol BBB is constant");
        assertThatThrownBy(() -> Correlations.compute(returns, CorrelationMethod.SPEARMAN))
                .hasMessageContaining("symbol BBB is constant");
    }

    @Test
    void badInputGivesClearErrors() {
        assertThatThrownBy(() -> Correlations.pearson(new double[][] {{1, 2, 3}, {1, 2}}))
                .hasMessageContaining("mismatched lengths: row 0 has 3 points, row 1 has 2");
        assertThatThrownBy(() -> Correlations.pearson(new double[][] {{1}, {2}}))
                .hasMessageContaining("at least 2 points");
        assertThatThrownBy(() -> Correlations.spearman(new double[][] {{1, 2, 3}}))
                .hasMessageContaining("at least 2 series, got 1");
        assertThatThrownBy(
                        () -> Correlations.pearson(new double[][] {{1, 2, 3}, {1, Double.NaN, 3}}))
                .hasMessageContaining("row 1: value at index 1 is NaN");
        assertThatThrownBy(
                        () ->
                                ReturnSeries.of(
                                        List.of(Symbol.of("AAA"), Symbol.of("BBB")),
                                        new double[][] {{1, 2}, {1, Double.POSITIVE_INFINITY}}))
                .hasMessageContaining("BBB: return at index 1 is Infinity");
        assertThatThrownBy(
                        () ->
                                ReturnSeries.of(
                                        List.of(Symbol.of("AAA")), new double[][] {{1, 2}, {1, 2}}))
                .hasMessageContaining("1 symbols but 2 return rows");
        assertThatThrownBy(() -> CorrelationMethod.parse("kendall"))
                .hasMessageContaining("expected pearson|spearman, got 'kendall'");
        assertThat(CorrelationMethod.parse(" Spearman ")).isEqualTo(CorrelationMethod.SPEARMAN);
    }

    @Test
    void matrixKeepsSymbolsAndWindow() {
        var window = new WindowInfo(1_000_000L, 4_000_000L, 3);
        var returns =
                new ReturnSeries(
                        List.of(Symbol.of("XXX"), Symbol.of("AAA")),
                        new double[][] {{0.1, -0.2, 0.3}, {0.2, -0.1, 0.1}},
                        window);
        CorrelationMatrix m = Correlations.compute(returns, CorrelationMethod.PEARSON);
        assertThat(m.symbols()).containsExactly(Symbol.of("XXX"), Symbol.of("AAA"));
        assertThat(m.window()).isEqualTo(window);
        assertThat(m.get(Symbol.of("AAA"), Symbol.of("XXX"))).isEqualTo(m.get(0, 1));
        assertThat(m.distance(0, 0)).isEqualTo(0.0);
        assertThatThrownBy(() -> m.indexOf(Symbol.of("BTCUSDT")))
                .hasMessageContaining("BTCUSDT not in matrix");
    }

    static double[][] randomRows(int n, int len, long seed, boolean ties) {
        Random rnd = new Random(seed);
        double[][] rows = new double[n][len];
        for (int t = 0; t < len; t++) {
            double market = rnd.nextGaussian();
            for (int s = 0; s < n; s++) {
                double v = 0.01 * (s % 7) * market + rnd.nextGaussian() * 0.01 * (1 + s % 3);
                rows[s][t] = ties ? Math.round(v * 200) / 200.0 : v;
            }
        }
        return rows;
    }

    static double[][] transpose(double[][] rows) {
        double[][] out = new double[rows[0].length][rows.length];
        for (int s = 0; s < rows.length; s++) {
            for (int t = 0; t < rows[0].length; t++) {
                out[t][s] = rows[s][t];
            }
        }
        return out;
    }

    private static void assertAgrees(double[] ours, RealMatrix reference, double minAbsRho) {
        int n = reference.getRowDimension();
        assertThat(ours).hasSize(n * n);
        double maxDiff = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (Math.abs(reference.getEntry(i, j)) < minAbsRho) {
                    continue;
                }
                maxDiff = Math.max(maxDiff, Math.abs(ours[i * n + j] - reference.getEntry(i, j)));
            }
        }
        assertThat(maxDiff).isLessThan(1e-12);
    }
}
