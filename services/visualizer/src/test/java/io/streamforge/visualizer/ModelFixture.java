package io.streamforge.visualizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.streamforge.gnn.ClassificationMetrics;
import io.streamforge.gnn.EpochStats;
import io.streamforge.gnn.GatConfig;
import io.streamforge.gnn.ModelMetadata;
import io.streamforge.gnn.ModelStore;
import io.streamforge.gnn.TrainingReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A model run as gnn-trainer uploads it: {@code metadata.json} is libs/gnn's {@link ModelMetadata}
 * written with the same Jackson settings as {@link ModelStore#save} (the weights file is a
 * placeholder; the visualizer never reads it).
 */
final class ModelFixture {
    static final ClassificationMetrics TEST = new ClassificationMetrics(0.5625, 0.4871, 96);
    static final ClassificationMetrics VALIDATION = new ClassificationMetrics(0.51, 0.44, 48);
    static final ClassificationMetrics MAJORITY = new ClassificationMetrics(0.40625, 0.1926, 96);
    static final ClassificationMetrics PERSISTENCE = new ClassificationMetrics(0.375, 0.3551, 96);

    private ModelFixture() {}

    static TrainingReport report() {
        return new TrainingReport(
                42,
                2,
                2,
                false,
                List.of(
                        new EpochStats(1, 1.09, Double.NaN, 0.4, 0.3, 120),
                        new EpochStats(2, 1.01, 1.05, 0.51, 0.44, 118)),
                VALIDATION,
                TEST,
                MAJORITY,
                PERSISTENCE,
                1,
                238);
    }

    static Map<String, byte[]> files() throws Exception {
        ModelMetadata meta =
                new ModelMetadata(
                        ModelMetadata.FORMAT_VERSION,
                        ModelMetadata.MODEL_TYPE,
                        List.of("BTCUSDT", "ETHUSDT"),
                        List.of("log_return", "volume_z"),
                        new double[] {0.0, 0.0},
                        new double[] {1.0, 1.0},
                        0.0005,
                        1,
                        List.of("DOWN", "FLAT", "UP"),
                        new int[][] {{0, 1}},
                        GatConfig.defaults(),
                        42,
                        report());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        return Map.of(
                ModelStore.METADATA_FILE,
                json.writeValueAsBytes(meta),
                ModelStore.PARAMETERS_FILE,
                "weights".getBytes(StandardCharsets.UTF_8));
    }
}
