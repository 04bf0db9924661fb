package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    private static SyntheticMarket market;
    private static GnnDataset ds;

    @BeforeAll
    static void data() {
        market = SyntheticMarket.generate(4, 3, 160, 5L);
        ds = market.dataset(DatasetConfig.defaults());
    }

    @Test
    void roundTripKeepsPredictionsAndMetadata(@TempDir Path dir) throws Exception {
        GatConfig cfg = GatConfig.defaults().withMaxEpochs(3).withSeed(11L);
        int[][] before;
        double[][] probsBefore;
        ModelMetadata metaBefore;
        try (GnnModel model = GatTrainer.train(ds, cfg)) {
            before = ds.test().stream().map(model::predict).toArray(int[][]::new);
            probsBefore = model.probabilities(ds.test().get(0).features());
            metaBefore = model.metadata();
            model.save(dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("metadata.json", "parameters.ndlist");
        }
        try (GnnModel loaded = GnnModel.load(dir)) {
            assertThat(ds.test().stream().map(loaded::predict).toArray(int[][]::new))
                    .isDeepEqualTo(before);
            assertThat(loaded.probabilities(ds.test().get(0).features()))
                    .isDeepEqualTo(probsBefore);
            ModelMetadata m = loaded.metadata();
            assertThat(m.featureNames()).isEqualTo(FeatureExtractor.FEATURE_NAMES);
            assertThat(m.featureMean()).containsExactly(ds.normalizer().mean());
            assertThat(m.featureStd()).containsExactly(ds.normalizer().std());
            assertThat(m.flatThreshold()).isEqualTo(ds.flatThreshold());
            assertThat(m.hyperParameters()).isEqualTo(cfg);
            assertThat(m.seed()).isEqualTo(11L);
            assertThat(m.report()).isEqualTo(metaBefore.report());
            assertThat(m.edges()).isDeepEqualTo(ds.graph().edges());
            assertThat(m.nodeNames()).isEqualTo(market.names());
        }
        String json = Files.readString(dir.resolve("metadata.json"));
        assertThat(json)
                .contains("\"flatThreshold\"", "\"featureMean\"", "\"macroF1\"", "log_return_1");
    }

    @Test
    void rawFeaturePredictionMatchesNormalisedPath() {
        try (GnnModel model = GatTrainer.train(ds, GatConfig.defaults().withMaxEpochs(2))) {
            int last = market.close()[0].length - 1;
            double[][] raw = FeatureExtractor.latest(market.close(), market.volume());
            assertThat(model.predictRaw(raw)).containsExactly(model.predict(ds.normalise(raw)));
            assertThat(raw[0][0])
                    .isEqualTo(Math.log(market.close()[0][last] / market.close()[0][last - 1]));
        }
    }

    @Test
    void rejectsWrongFeatureWidthAndNodeCount() {
        try (GnnModel model = GatTrainer.train(ds, GatConfig.defaults().withMaxEpochs(1))) {
            int nodes = ds.nodeCount();
            assertThatThrownBy(() -> model.predict(new float[nodes * 5]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wrong feature width");
            assertThatThrownBy(() -> model.predictRaw(new double[nodes][4]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected 6 features, got 4");
            assertThatThrownBy(() -> model.predictRaw(new double[nodes - 1][6]))
                    .hasMessageContaining("expected features for " + nodes + " nodes");
        }
    }

    @Test
    void loadFailsClearlyOnMissingOrForeignFiles(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> GnnModel.load(dir))
                .isInstanceOf(GnnException.class)
                .hasMessageContaining("metadata.json");
        try (GnnModel model = GatTrainer.train(ds, GatConfig.defaults().withMaxEpochs(1))) {
            model.save(dir);
        }
        Path meta = dir.resolve("metadata.json");
        Files.writeString(
                meta,
                Files.readString(meta).replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        assertThatThrownBy(() -> GnnModel.load(dir))
                .isInstanceOf(GnnException.class)
                .hasMessageContaining("unsupported model format version 9");
    }
}
