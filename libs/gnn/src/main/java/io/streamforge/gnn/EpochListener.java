package io.streamforge.gnn;

/** Called after every epoch on the training thread. Exceptions abort training. */
@FunctionalInterface
public interface EpochListener {
    EpochListener NONE = stats -> {};

    void onEpoch(EpochStats stats);
}
