package io.streamforge.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamforge.domain.Symbol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {
    private static final List<Symbol> ABCD =
            List.of(Symbol.of("AA"), Symbol.of("BB"), Symbol.of("CC"), Symbol.of("DD"));

    /** rho: AB .9, AC -.8, AD .1, BC -.5, BD .3, CD .6 */
    private static CorrelationMatrix handMatrix() {
        double[] v = {1, .9, -.8, .1, .9, 1, -.5, .3, -.8, -.5, 1, .6, .1, .3, .6, 1};
        return new CorrelationMatrix(ABCD, CorrelationMethod.PEARSON, WindowInfo.untimed(10), v);
    }

    private static List<String> pairs(CorrelationGraph g) {
        return g.edges().stream().map(e -> e.a() + "-" + e.b()).toList();
    }

    @Test
    void thresholdOnAbsoluteOrSignedCorrelation() {
        CorrelationMatrix m = handMatrix();
        CorrelationGraph abs = GraphBuilder.threshold(m, 0.6, Strength.ABSOLUTE);
        assertThat(pairs(abs)).containsExactly("AA-BB", "AA-CC", "CC-DD");
        assertThat(abs.rule()).isEqualTo("threshold(|rho|>=0.6)");
        assertThat(abs.nodes()).isEqualTo(ABCD);
        assertThat(pairs(GraphBuilder.threshold(m, 0.6, Strength.SIGNED)))
                .containsExactly("AA-BB", "CC-DD");
        assertThat(pairs(GraphBuilder.threshold(m, -0.6, Strength.SIGNED))).hasSize(5);
        assertThatThrownBy(() -> GraphBuilder.threshold(m, -0.1, Strength.ABSOLUTE))
                .hasMessageContaining("threshold for |rho| must be in [0.0, 1], got -0.1");
        assertThatThrownBy(() -> GraphBuilder.threshold(m, Double.NaN, Strength.SIGNED))
                .hasMessageContaining("got NaN");
    }

    @Test
    void topKIsTheSymmetricUnionOfEachNodesStrongest() {
        CorrelationMatrix m = handMatrix();
        assertThat(pairs(GraphBuilder.topK(m, 1, Strength.ABSOLUTE)))
                .containsExactly("AA-BB", "AA-CC", "CC-DD");
        assertThat(pairs(GraphBuilder.topK(m, 1, Strength.SIGNED)))
                .containsExactly("AA-BB", "CC-DD");
        assertThat(pairs(GraphBuilder.topK(m, 2, Strength.SIGNED)))
                .containsExactly("AA-BB", "AA-DD", "BB-CC", "BB-DD", "CC-DD");
        assertThat(GraphBuilder.topK(m, 10, Strength.SIGNED).edges()).hasSize(6);
        assertThatThrownBy(() -> GraphBuilder.topK(m, 0, Strength.SIGNED))
                .hasMessageContaining("k must be >= 1, got 0");
    }

    @Test
    void mstOfHandMatrixFollowsKruskalByHand() {
        CorrelationGraph mst = GraphBuilder.minimumSpanningTree(handMatrix());
        // by rho: AB .9, CD .6, BD .3 connect everything
        assertThat(pairs(mst)).containsExactly("AA-BB", "BB-DD", "CC-DD");
        Edge bd = mst.edges().get(1);
        assertThat(bd.rho()).isEqualTo(0.3);
        assertThat(bd.distance()).isCloseTo(Math.sqrt(1.4), within(1e-15));
        assertThat(mst.rule()).isEqualTo("mst");
    }

    @Test
    void mstBreaksEqualDistancesByNodeOrder() {
        List<Symbol> abc = ABCD.subList(0, 3);
        double[] v = {1, .5, .5, .5, 1, .5, .5, .5, 1};
        var m = new CorrelationMatrix(abc, CorrelationMethod.PEARSON, WindowInfo.untimed(5), v);
        // all three edges tie; Kruskal takes them in (a, b) order: AA-BB, AA-CC, then BB-CC closes
        // a cycle
        assertThat(pairs(GraphBuilder.minimumSpanningTree(m))).containsExactly("AA-BB", "AA-CC");
    }

    @Test
    void mstHasNMinusOneEdgesAndMinimalWeightVersusBruteForce() {
        for (int seed = 1; seed <= 8; seed++) {
            int n = 4 + seed % 3; // 4..6 nodes
            double[][] rows = CorrelationsTest.randomRows(n, 30, seed, false);
            List<Symbol> symbols = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                symbols.add(Symbol.of("S" + i + "X"));
            }
            CorrelationMatrix m =
                    Correlations.compute(ReturnSeries.of(symbols, rows), CorrelationMethod.PEARSON);
            CorrelationGraph mst = GraphBuilder.minimumSpanningTree(m);
            assertThat(mst.edges()).hasSize(n - 1);
            assertThat(mst.totalDistance()).isCloseTo(bruteForceMinimum(m), within(1e-12));
            assertThat(GraphBuilder.minimumSpanningTree(m)).isEqualTo(mst);
        }
    }

    /** Minimum total distance over every (n-1)-edge subset that spans the nodes. */
    private static double bruteForceMinimum(CorrelationMatrix m) {
        int n = m.size();
        List<int[]> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                all.add(new int[] {i, j});
            }
        }
        double best = Double.MAX_VALUE;
        for (int mask = 0; mask < 1 << all.size(); mask++) {
            if (Integer.bitCount(mask) != n - 1) {
                continue;
            }
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            boolean acyclic = true;
            double total = 0;
            for (int e = 0; e < all.size() && acyclic; e++) {
                if ((mask & 1 << e) != 0) {
                    int ra = root(parent, all.get(e)[0]);
                    int rb = root(parent, all.get(e)[1]);
                    acyclic = ra != rb;
                    parent[ra] = rb;
                    total += m.distance(all.get(e)[0], all.get(e)[1]);
                }
            }
            if (acyclic) { // n-1 edges without a cycle span n nodes
                best = Math.min(best, total);
            }
        }
        return best;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    @Test
    void distanceFollowsMantegna() {
        assertThat(Distance.of(1)).isZero();
        assertThat(Distance.of(0)).isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(Distance.of(-1)).isEqualTo(2.0);
        assertThatThrownBy(() -> Distance.of(1.5)).hasMessageContaining("in [-1, 1], got 1.5");
        assertThatThrownBy(() -> Distance.of(Double.NaN)).hasMessageContaining("got NaN");
    }

    @Test
    void matrixRejectsInvalidValues() {
        List<Symbol> ab = ABCD.subList(0, 2);
        WindowInfo w = WindowInfo.untimed(3);
        assertThatThrownBy(
                        () ->
                                new CorrelationMatrix(
                                        ab,
                                        CorrelationMethod.PEARSON,
                                        w,
                                        new double[] {1, .5, .4, 1}))
                .hasMessageContaining("(AA, BB) = 0.5");
        assertThatThrownBy(
                        () ->
                                new CorrelationMatrix(
                                        ab,
                                        CorrelationMethod.PEARSON,
                                        w,
                                        new double[] {1, 1.2, 1.2, 1}))
                .hasMessageContaining("must be in [-1, 1]");
        assertThatThrownBy(
                        () ->
                                new CorrelationMatrix(
                                        ab,
                                        CorrelationMethod.PEARSON,
                                        w,
                                        new double[] {0.9, 0, 0, 1}))
                .hasMessageContaining("diagonal at AA is 0.9");
        assertThatThrownBy(
                        () ->
                                new CorrelationMatrix(
                                        ab, CorrelationMethod.PEARSON, w, new double[] {1, 0, 0}))
                .hasMessageContaining("needs 4 values, got 3");
        assertThatThrownBy(() -> new Edge(ab.get(0), ab.get(0), 1, 0))
                .hasMessageContaining("self-loop on AA");
    }
}
