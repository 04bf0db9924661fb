package io.streamforge.testkit;

import io.streamforge.domain.port.MarketDataStore;

class InMemoryMarketDataStoreTest extends MarketDataStoreContract {
    @Override
    protected MarketDataStore newStore() {
        return new InMemoryMarketDataStore();
    }
}
