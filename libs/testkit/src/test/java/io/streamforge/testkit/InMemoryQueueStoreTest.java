package io.streamforge.testkit;

import io.streamforge.domain.port.QueueStore;

class InMemoryQueueStoreTest extends QueueStoreContract {
    @Override
    protected QueueStore newStore() {
        return new InMemoryQueueStore();
    }
}
