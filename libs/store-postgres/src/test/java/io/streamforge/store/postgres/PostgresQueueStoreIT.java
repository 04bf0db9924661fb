package io.streamforge.store.postgres;

import io.streamforge.domain.port.QueueStore;
import io.streamforge.testkit.QueueStoreContract;

class PostgresQueueStoreIT extends QueueStoreContract {
    @Override
    protected QueueStore newStore() {
        PostgresTestDb.truncateAll();
        return new PostgresQueueStore(PostgresTestDb.dataSource());
    }
}
