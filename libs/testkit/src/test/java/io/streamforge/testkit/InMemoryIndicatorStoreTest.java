package io.streamforge.testkit;

import io.streamforge.domain.port.IndicatorStore;

class InMemoryIndicatorStoreTest extends IndicatorStoreContract {
    @Override
    protected IndicatorStore newStore() {
        return new InMemoryIndicatorStore();
    }
}
