package io.streamforge.graphbuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Symbol;
import io.streamforge.graph.CorrelationGraph;
import io.streamforge.graph.CorrelationMatrix;
import io.streamforge.graph.CorrelationMethod;
import io.streamforge.graph.WindowInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphRuleTest {
    // A-B strongly positive, A-C strongly negative, B-C weak
    private static final CorrelationMatrix M =
            new CorrelationMatrix(
                    List.of(Symbol.of("AUSDT"), Symbol.of("BUSDT"), Symbol.of("CUSDT")),
                    CorrelationMethod.PEARSON,
                    WindowInfo.untimed(10),
                    new double[] {1, 0.9, -0.8, 0.9, 1, 0.1, -0.8, 0.1, 1});

    private static List<String> pairs(CorrelationGraph g) {
        return g.edges().stream().map(e -> e.a() + "-" + e.b()).toList();
    }

    @Test
    void parsesTheThreeRules() {
        assertThat(GraphRule.parse(" MST ")).isEqualTo(GraphRule.mst());
        assertThat(GraphRule.parse("threshold:0.5"))
                .isEqualTo(new GraphRule(GraphRule.Kind.THRESHOLD, 0.5, 0));
        assertThat(GraphRule.parse("TopK:2")).isEqualTo(new GraphRule(GraphRule.Kind.TOPK, 0, 2));
        assertThat(GraphRule.parse("topk:2").toString()).isEqualTo("topk:2");
    }

    @Test
    void rejectsBadRules() {
        assertThatThrownBy(() -> GraphRule.parse("tree")).hasMessageContaining("expected mst");
        assertThatThrownBy(() -> GraphRule.parse("threshold:x"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> GraphRule.parse("threshold:-0.1")).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> GraphRule.parse("topk:0")).hasMessageContaining("k >= 1");
        assertThatThrownBy(() -> GraphRule.parse("topk")).hasMessageContaining("expected mst");
        assertThatThrownBy(() -> GraphRule.parse(null)).hasMessageContaining("'null'");
    }

    @Test
    void appliesTheRuleOnAbsoluteCorrelation() {
        assertThat(pairs(GraphRule.parse("threshold:0.5").apply(M)))
                .containsExactly("AUSDT-BUSDT", "AUSDT-CUSDT");
        assertThat(pairs(GraphRule.parse("topk:1").apply(M)))
                .containsExactly("AUSDT-BUSDT", "AUSDT-CUSDT");
        // MST on distance sqrt(2(1-rho)): A-B (0.45) and B-C (1.34) beat A-C (1.90)
        assertThat(pairs(GraphRule.mst().apply(M))).containsExactly("AUSDT-BUSDT", "BUSDT-CUSDT");
    }
}
