package io.streamforge.gnn;

/**
 * GATv2 hyper-parameters and training settings.
 *
 * @param layers number of GATv2 layers (the last one outputs the 3 class logits)
 * @param heads attention heads per layer (hidden layers concatenate, the last one averages)
 * @param hiddenPerHead hidden width per head
 * @param learningRate Adam step size
 * @param weightDecay decoupled (AdamW-style) weight decay per step, relative to the step size
 * @param maxEpochs upper bound on epochs
 * @param patience stop after this many epochs without a better validation macro-F1
 * @param batchSnapshots snapshots per optimiser step
 * @param seed seeds weight initialisation and batch order (same seed, same data → same model)
 */
public record GatConfig(
        int layers,
        int heads,
        int hiddenPerHead,
        double learningRate,
        double weightDecay,
        int maxEpochs,
        int patience,
        int batchSnapshots,
        long seed) {

    public GatConfig {
        requirePositive("layers", layers);
        requirePositive("heads", heads);
        requirePositive("hiddenPerHead", hiddenPerHead);
        requirePositive("maxEpochs", maxEpochs);
        requirePositive("patience", patience);
        requirePositive("batchSnapshots", batchSnapshots);
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException(
                    "learningRate must be in (0, 1), got " + learningRate);
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("weightDecay must be in [0, 1), got " + weightDecay);
        }
    }

    /**
     * 2 layers, 4 heads × 8, lr 0.01, wd 1e-4, ≤ 100 epochs, patience 10, 16 snapshots, seed 42.
     */
    public static GatConfig defaults() {
        return new GatConfig(2, 4, 8, 0.01, 1e-4, 100, 10, 16, 42L);
    }

    public GatConfig withSeed(long newSeed) {
        return new GatConfig(
                layers,
                heads,
                hiddenPerHead,
                learningRate,
                weightDecay,
                maxEpochs,
                patience,
                batchSnapshots,
                newSeed);
    }

    public GatConfig withMaxEpochs(int epochs) {
        return new GatConfig(
                layers,
                heads,
                hiddenPerHead,
                learningRate,
                weightDecay,
                epochs,
                patience,
                batchSnapshots,
                seed);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
