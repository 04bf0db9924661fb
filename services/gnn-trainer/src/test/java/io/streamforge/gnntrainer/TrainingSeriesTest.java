package io.streamforge.gnntrainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import io.streamforge.testkit.Fixtures;
import io.streamforge.testkit.InMemoryMarketDataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingSeriesTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final Symbol SOL = Symbol.of("SOLUSDT");
    private static final long T0 = Fixtures.T0_US;
    private static final long MIN = Interval.M1.fixedUs();
    private static final TimeRange DAY = TimeRange.parseDays("2024-01-01:2024-01-01");

    @Test
    void alignsOnCommonOpenTimesInSymbolOrder() {
        InMemoryMarketDataStore store = new InMemoryMarketDataStore();
        store.upsert(Fixtures.candles(ETH, Interval.M1, T0, 10)); // closes 100..109
        List<Candle> btc = new ArrayList<>(Fixtures.candles(BTC, Interval.M1, T0, 10));
        btc.remove(3); // BTC misses minute 3
        store.upsert(btc);
        TrainingSeries s = TrainingSeries.load(store, List.of(ETH, BTC), Interval.M1, null, DAY);
        assertThat(s.symbols()).containsExactly(BTC, ETH);
        assertThat(s.steps()).isEqualTo(9);
        assertThat(s.droppedSteps()).isEqualTo(1);
        assertThat(s.openTimesUs()).doesNotContain(T0 + 3 * MIN).contains(T0 + 4 * MIN);
        assertThat(s.close()[1][2]).isEqualTo(102.0);
        assertThat(s.close()[1][3]).isEqualTo(104.0); // step 3 dropped for everyone
        assertThat(s.volume()[0][0]).isEqualTo(12.5);
    }

    @Test
    void resampleTakesTheLastCloseAndSumsVolume() {
        InMemoryMarketDataStore store = new InMemoryMarketDataStore();
        store.upsert(Fixtures.candles(BTC, Interval.M1, T0, 12));
        store.upsert(Fixtures.candles(ETH, Interval.M1, T0, 12));
        TrainingSeries s =
                TrainingSeries.load(store, List.of(BTC, ETH), Interval.M1, Interval.M5, DAY);
        assertThat(s.openTimesUs()).containsExactly(T0, T0 + 5 * MIN, T0 + 10 * MIN);
        assertThat(s.close()[0]).containsExactly(104.0, 109.0, 111.0);
        assertThat(s.volume()[0]).containsExactly(62.5, 62.5, 25.0);
    }

    @Test
    void namesEverySymbolWithoutCandles() {
        InMemoryMarketDataStore store = new InMemoryMarketDataStore();
        store.upsert(Fixtures.candles(BTC, Interval.M1, T0, 5));
        assertThatThrownBy(
                        () ->
                                TrainingSeries.load(
                                        store, List.of(BTC, ETH, SOL), Interval.M1, null, DAY))
                .isInstanceOf(PermanentException.class)
                .hasMessage("no 1m candles from 2024-01-01 to 2024-01-01 for [ETHUSDT, SOLUSDT]");
    }

    @Test
    void computedGraphIsTheMstOfTrainReturnsOnly() {
        // A and B move together in the first 60 % of the time, A and C afterwards
        int steps = 200;
        double[][] close = new double[3][steps];
        java.util.Random rnd = new java.util.Random(7);
        double a = 100, b = 100, c = 100;
        for (int t = 0; t < steps; t++) {
            double ra = rnd.nextGaussian() * 0.01;
            double noise = rnd.nextGaussian() * 0.01;
            a *= Math.exp(ra);
            b *= Math.exp(t < 120 ? ra + noise * 0.1 : noise);
            c *= Math.exp(t < 120 ? noise : ra + noise * 0.1);
            close[0][t] = a;
            close[1][t] = b;
            close[2][t] = c;
        }
        long[] times = new long[steps];
        for (int t = 0; t < steps; t++) {
            times[t] = T0 + t * MIN;
        }
        Symbol a1 = Symbol.of("AAAUSDT");
        Symbol b1 = Symbol.of("BBBUSDT");
        Symbol c1 = Symbol.of("CCCUSDT");
        TrainingSeries s =
                new TrainingSeries(List.of(a1, b1, c1), times, close, new double[3][steps], 0);
        GraphEdges e = GraphEdges.compute(s, 0.6);
        assertThat(e.source()).isEqualTo("compute");
        assertThat(e.rule()).isEqualTo("mst");
        assertThat(e.edges()).hasNumberOfRows(2);
        assertThat(e.edges()[0]).containsExactly(0, 1); // A-B: strong in the train window
        // shocking the validation/test period (after step 120) does not change the graph
        double[][] shocked = new double[3][];
        for (int n = 0; n < 3; n++) {
            shocked[n] = close[n].clone();
            for (int t = 121; t < steps; t++) {
                shocked[n][t] = n == 1 ? shocked[0][t] : 50 + rnd.nextDouble();
            }
        }
        TrainingSeries future =
                new TrainingSeries(List.of(a1, b1, c1), times, shocked, new double[3][steps], 0);
        assertThat(GraphEdges.compute(future, 0.6).edges()).isDeepEqualTo(e.edges());
    }

    @Test
    void storedGraphIsMappedToNodeIndicesAndForeignEdgesAreCounted() {
        Symbol doge = Symbol.of("DOGEUSDT");
        GraphRecord g =
                new GraphRecord(
                        "q1",
                        List.of(BTC, ETH, SOL, doge),
                        List.of(
                                new GraphEdge(ETH, BTC, 0.9, 0.44),
                                new GraphEdge(SOL, ETH, 0.8, 0.63),
                                new GraphEdge(doge, BTC, 0.5, 1.0)),
                        "pearson",
                        "mst",
                        new GraphWindow(Interval.H1, T0, T0 + 10 * MIN, 10),
                        T0);
        io.streamforge.domain.port.GraphStore store =
                new io.streamforge.domain.port.GraphStore() {
                    @Override
                    public boolean save(GraphRecord graph) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Optional<GraphRecord> load(String collection) {
                        return collection.equals("q1") ? Optional.of(g) : Optional.empty();
                    }

                    @Override
                    public List<String> collections() {
                        return List.of("q1");
                    }
                };
        GraphEdges e = GraphEdges.fromStore(store, "q1", List.of(BTC, ETH, SOL));
        assertThat(e.source()).isEqualTo("store:q1");
        assertThat(e.rule()).isEqualTo("mst");
        assertThat(e.ignoredEdges()).isEqualTo(1);
        assertThat(e.edges()).hasNumberOfRows(2);
        assertThat(e.edges()[0]).containsExactly(0, 1);
        assertThat(e.edges()[1]).containsExactly(1, 2);
        assertThatThrownBy(() -> GraphEdges.fromStore(store, "q2", List.of(BTC, ETH)))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("no graph in GraphStore collection 'q2'");
    }
}
