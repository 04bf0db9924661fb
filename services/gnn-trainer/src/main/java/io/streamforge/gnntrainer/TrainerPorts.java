package io.streamforge.gnntrainer;

import io.streamforge.domain.port.GraphStore;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.domain.port.ModelRepository;
import io.streamforge.store.Stores;
import io.streamforge.store.s3.S3ModelRepository;

/**
 * The ports the trainer uses, opened for one run and closed after it. Tests pass their own
 * implementation to {@link GnnTrainerWorker}.
 */
public interface TrainerPorts extends AutoCloseable {
    MarketDataStore marketData();

    /** Only called with GRAPH_SOURCE=store. */
    GraphStore graphs();

    ModelRepository models();

    @Override
    void close();

    /** Opens the ports of one run. */
    @FunctionalInterface
    interface Factory {
        TrainerPorts open(TrainerSettings settings);
    }

    /** The database of DB_KIND ({@link Stores}: candles, graphs) + S3 (models). */
    static TrainerPorts production(TrainerSettings s) {
        Stores stores = Stores.open(s.database(), 2);
        S3ModelRepository models;
        try {
            models = S3ModelRepository.open(s.s3());
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
        return new TrainerPorts() {
            @Override
            public MarketDataStore marketData() {
                return stores.marketData();
            }

            @Override
            public GraphStore graphs() {
                return stores.graphs();
            }

            @Override
            public ModelRepository models() {
                return models;
            }

            @Override
            public void close() {
                try {
                    models.close();
                } finally {
                    stores.close();
                }
            }
        };
    }
}
