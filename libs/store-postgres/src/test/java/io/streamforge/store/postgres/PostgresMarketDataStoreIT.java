package io.streamforge.store.postgres;

import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.testkit.MarketDataStoreContract;

class PostgresMarketDataStoreIT extends MarketDataStoreContract {
    @Override
    protected MarketDataStore newStore() {
        PostgresTestDb.truncateAll();
        return new PostgresMarketDataStore(PostgresTestDb.dataSource());
    }
}
