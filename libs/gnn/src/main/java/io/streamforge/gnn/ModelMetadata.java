package io.streamforge.gnn;

import java.util.List;

/**
 * Everything besides the weights that is needed to reuse a model, written as {@code metadata.json}.
 *
 * @param formatVersion bumped on incompatible layout changes
 * @param nodeNames node order of the training graph (feature rows must follow it)
 * @param featureNames feature column order
 * @param featureMean normaliser mean, fitted on the train split
 * @param featureStd normaliser std, fitted on the train split
 * @param flatThreshold |log return| &lt;= this is FLAT; DOWN below -threshold, UP above
 * @param classNames class index → name
 * @param edges undirected edges {i, j} of the training graph (self-loops implied)
 * @param report training metrics and history; null for an untrained model
 */
public record ModelMetadata(
        int formatVersion,
        String modelType,
        List<String> nodeNames,
        List<String> featureNames,
        double[] featureMean,
        double[] featureStd,
        double flatThreshold,
        int labelHorizonSteps,
        List<String> classNames,
        int[][] edges,
        GatConfig hyperParameters,
        long seed,
        TrainingReport report) {

    public static final int FORMAT_VERSION = 1;
    public static final String MODEL_TYPE = "gatv2-node-classifier";

    public ModelMetadata {
        nodeNames = List.copyOf(nodeNames);
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }

    ModelMetadata withReport(TrainingReport newReport) {
        return new ModelMetadata(
                formatVersion,
                modelType,
                nodeNames,
                featureNames,
                featureMean,
                featureStd,
                flatThreshold,
                labelHorizonSteps,
                classNames,
                edges,
                hyperParameters,
                seed,
                newReport);
    }

    Normalizer normalizer() {
        return new Normalizer(featureMean, featureStd);
    }
}
