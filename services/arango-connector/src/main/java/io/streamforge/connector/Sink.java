package io.streamforge.connector;

import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.store.arango.ArangoStores;
import io.streamforge.store.postgres.PostgresStores;

/**
 * The opened database of the connector: the market data store and the coverage ledger of PostgreSQL
 * ({@code DB_KIND=postgres}, the default) or of ArangoDB ({@code DB_KIND=arango}: {@code
 * ArangoCoverageLedger}, collections {@code coverage_received} / {@code coverage_gaps}).
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
            return new Sink(a.marketData(), a.coverage(), a);
        }
        PostgresStores p = PostgresStores.open(s.jdbcUrl(), s.user(), s.password());
        return new Sink(p.marketData(), p.coverage(), p);
    }

    @Override
    public void close() throws Exception {
        resource.close();
    }
}
