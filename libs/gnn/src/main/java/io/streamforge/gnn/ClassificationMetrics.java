package io.streamforge.gnn;

/**
 * Accuracy and macro-F1 of class predictions. Macro-F1 averages the per-class F1 over the classes
 * that occur in the truth or in the predictions (a class never predicted scores F1 = 0), as
 * scikit-learn does with {@code zero_division=0}.
 */
public record ClassificationMetrics(double accuracy, double macroF1, int samples) {

    public static ClassificationMetrics of(int[] truth, int[] predicted, int classCount) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(
                    "truth has " + truth.length + " labels but predicted has " + predicted.length);
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("cannot score zero samples");
        }
        int[][] confusion = new int[classCount][classCount];
        for (int i = 0; i < truth.length; i++) {
            checkClass(truth[i], classCount);
            checkClass(predicted[i], classCount);
            confusion[truth[i]][predicted[i]]++;
        }
        int correct = 0;
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < classCount; c++) {
            correct += confusion[c][c];
            int actual = 0;
            int predictedCount = 0;
            for (int k = 0; k < classCount; k++) {
                actual += confusion[c][k];
                predictedCount += confusion[k][c];
            }
            if (actual + predictedCount == 0) {
                continue;
            }
            present++;
            f1Sum += 2.0 * confusion[c][c] / (actual + predictedCount);
        }
        return new ClassificationMetrics(
                (double) correct / truth.length, f1Sum / present, truth.length);
    }

    private static void checkClass(int c, int classCount) {
        if (c < 0 || c >= classCount) {
            throw new IllegalArgumentException("class " + c + " outside [0, " + classCount + ")");
        }
    }
}
