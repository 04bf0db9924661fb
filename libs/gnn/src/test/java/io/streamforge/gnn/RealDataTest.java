package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** End to end on real Binance USD-M hourly candles (5 symbols, February 2023). */
class RealDataTest {
    private static final Path CSV =
            Path.of(System.getProperty("streamforge.shared", "../../../shared"))
                    .resolve("realdata/graph/USDM-futures-5sym-1h-2023-02.csv");

    @Test
    void trainsOnRealCandlesWithRealLabels() throws IOException {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(CSV);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(f[5]), Double.parseDouble(f[6])});
        }
        List<String> names = List.copyOf(rows.keySet());
        int steps = rows.get(names.get(0)).size();
        double[][] close = new double[names.size()][steps];
        double[][] volume = new double[names.size()][steps];
        for (int n = 0; n < names.size(); n++) {
            for (int t = 0; t < steps; t++) {
                close[n][t] = rows.get(names.get(n)).get(t)[0];
                volume[n][t] = rows.get(names.get(n)).get(t)[1];
            }
        }
        int[][] complete = {
            {0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2}, {1, 3}, {1, 4}, {2, 3}, {2, 4}, {3, 4}
        };
        GnnDataset ds =
                GnnDataset.fromSeries(names, close, volume, complete, DatasetConfig.defaults());
        assertThat(names).hasSize(5).contains("AVAXUSDT", "NEARUSDT");
        assertThat(steps).isEqualTo(672);
        Snapshot first = ds.test().get(0);
        int t = first.timeIndex();
        double next = Math.log(close[2][t + 1] / close[2][t]);
        assertThat(first.labels()[2]).isEqualTo(Direction.classify(next, ds.flatThreshold()));
        assertThat(ds.flatThreshold()).isBetween(1e-4, 0.02);
        try (GnnModel model = GatTrainer.train(ds, GatConfig.defaults().withMaxEpochs(15))) {
            TrainingReport r = model.report();
            System.out.printf(
                    "real: threshold=%.5f epochs=%d best=%d test=%s majority=%s persistence=%s%n",
                    ds.flatThreshold(),
                    r.epochsRun(),
                    r.bestEpoch(),
                    r.test(),
                    r.majorityBaseline(),
                    r.persistenceBaseline());
            assertThat(r.test().samples()).isEqualTo(ds.test().size() * 5);
            assertThat(r.test().macroF1()).isBetween(0.0, 1.0);
            assertThat(r.history()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
        }
    }
}
