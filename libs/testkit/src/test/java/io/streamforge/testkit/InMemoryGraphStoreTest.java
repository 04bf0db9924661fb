package io.streamforge.testkit;

import io.streamforge.domain.port.GraphStore;

class InMemoryGraphStoreTest extends GraphStoreContract {
    @Override
    protected GraphStore newStore() {
        return new InMemoryGraphStore();
    }
}
