package io.streamforge.connector;

import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.store.arango.ArangoStores;
import io.streamforge.store.postgres.PostgresStores;

/**
 * The opened database of the connector. PostgreSQL provides the market data and the coverage
 * ledger; ArangoDB provides the market data only (the coverage ledger has no ArangoDB adapter yet,
 * so coverage facts are counted and skipped there — see the module README).
 */
record Sink(MarketDataStore marketData, CoverageLedger coverage, AutoCloseable resource)
        implements AutoCloseable {
    static Sink open(DatabaseSettings s) {
        if (s.arango()) {
            ArangoStores a =
                    ArangoStores.open(
                            s.arangoUrl(),
                            s.arangoDb(),
                            s.user(),
                            s.password(),
                            s.arangoBatchSize());
            return new Sink(a.marketData(), null, a);
        }
        PostgresStores p = PostgresStores.open(s.jdbcUrl(), s.user(), s.password());
        return new Sink(p.marketData(), p.coverage(), p);
    }

    @Override
    public void close() throws Exception {
        resource.close();
    }
}
