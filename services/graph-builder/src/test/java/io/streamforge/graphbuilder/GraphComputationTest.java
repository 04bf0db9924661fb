package io.streamforge.graphbuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.graph.AlignmentPolicy;
import io.streamforge.graph.CorrelationMethod;
import io.streamforge.testkit.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GraphComputationTest {
    private static final Symbol A = Symbol.of("AAAUSDT");
    private static final Symbol B = Symbol.of("BBBUSDT");
    private static final Symbol C = Symbol.of("CCCUSDT");
    private static final long T0 = Fixtures.T0_US;

    private static GraphComputation.Result compute(
            Map<Symbol, List<Candle>> candles, AlignmentPolicy policy, int minReturns) {
        return GraphComputation.compute(
                candles,
                Interval.M1,
                Interval.M1,
                CorrelationMethod.PEARSON,
                GraphRule.mst(),
                policy,
                minReturns);
    }

    @Test
    void shortSymbolsAreExcludedAndReported() {
        Map<Symbol, List<Candle>> candles =
                new TreeMap<>(SeedCandles.factorModel(List.of(A, B), T0, 60, 1));
        candles.put(C, SeedCandles.factorModel(List.of(C), T0, 5, 2).get(C));
        GraphComputation.Result r = compute(candles, AlignmentPolicy.dropRows(), 30);
        assertThat(r.graph().nodes()).containsExactly(A, B);
        assertThat(r.excluded()).containsEntry(C, "5 1m candles, need 31");
        assertThat(r.summary())
                .containsEntry("node_count", 2)
                .containsEntry("edge_count", 1)
                .containsEntry("return_count", 59)
                .containsEntry("excluded_symbols", Map.of("CCCUSDT", "5 1m candles, need 31"));
        GraphRecord record = r.toRecord("q-x", 77);
        assertThat(record.window().fromOpenTimeUs()).isEqualTo(T0);
        assertThat(record.window().toOpenTimeUs()).isEqualTo(T0 + 59 * 60_000_000L);
        assertThat(record.edges().get(0).rho()).isEqualTo(r.graph().edges().get(0).rho());
    }

    @Test
    void forwardFillKeepsRowsThatDropWouldLose() {
        Map<Symbol, List<Candle>> candles =
                new TreeMap<>(SeedCandles.factorModel(List.of(A, B), T0, 60, 3));
        List<Candle> b = new ArrayList<>(candles.get(B));
        b.remove(30);
        candles.put(B, b);
        assertThat(compute(candles, AlignmentPolicy.dropRows(), 30).summary())
                .containsEntry("dropped_times", 1)
                .containsEntry("return_count", 58);
        assertThat(compute(candles, AlignmentPolicy.forwardFill(1), 30).summary())
                .containsEntry("dropped_times", 0)
                .containsEntry("filled_total", 1)
                .containsEntry("return_count", 59);
    }

    @Test
    void aConstantSeriesIsAClearError() {
        Map<Symbol, List<Candle>> candles =
                new TreeMap<>(SeedCandles.factorModel(List.of(A), T0, 40, 4));
        List<Candle> flat = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            flat.add(Fixtures.candle(B, Interval.M1, T0 + i * 60_000_000L, "5"));
        }
        candles.put(B, flat);
        assertThatThrownBy(() -> compute(candles, AlignmentPolicy.dropRows(), 30))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("correlation failed: symbol BBBUSDT is constant");
    }

    @Test
    void fewerThanTwoUsableSymbolsIsAnError() {
        assertThatThrownBy(() -> compute(Map.of(), AlignmentPolicy.dropRows(), 30))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("got 0 []");
    }
}
