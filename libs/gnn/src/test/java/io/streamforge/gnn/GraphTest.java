package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GraphTest {
    @Test
    void addsSelfLoopsSymmetrisesAndDeduplicates() {
        Graph g = Graph.of(4, new int[][] {{0, 1}, {1, 0}, {2, 1}, {3, 3}});
        assertThat(g.neighbours(0)).containsExactly(0, 1);
        assertThat(g.neighbours(1)).containsExactly(0, 1, 2);
        assertThat(g.neighbours(3)).containsExactly(3);
        assertThat(g.maxDegree()).isEqualTo(3);
        assertThat(g.edges()).isDeepEqualTo(new int[][] {{0, 1}, {1, 2}});
    }

    @Test
    void paddingPointsToSelfAndIsMasked() {
        Graph g = Graph.of(3, new int[][] {{0, 1}, {0, 2}});
        assertThat(g.paddedNeighbourIndex()).containsExactly(0, 1, 2, 0, 1, 1, 0, 2, 2);
        assertThat(g.paddingMaskBias()).containsExactly(0, 0, 0, 0, 0, -1e9f, 0, 0, -1e9f);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Graph.of(0, new int[0][]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty graph");
        assertThatThrownBy(() -> Graph.of(3, new int[][] {{0, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edge 0 [0, 3]: node index out of range [0, 3)");
        assertThatThrownBy(() -> Graph.of(3, new int[][] {{0, 1}, {-1, 2}}))
                .hasMessageContaining("edge 1");
        assertThatThrownBy(() -> Graph.of(3, new int[][] {{0, 1, 2}}))
                .hasMessageContaining("exactly 2 node indices");
        assertThatThrownBy(() -> Graph.of(3, null)).hasMessageContaining("edges must not be null");
    }
}
