package io.streamforge.store.postgres;

import io.streamforge.domain.port.IndicatorStore;
import io.streamforge.testkit.IndicatorStoreContract;

class PostgresIndicatorStoreIT extends IndicatorStoreContract {
    @Override
    protected IndicatorStore newStore() {
        PostgresTestDb.exec("TRUNCATE indicator_values");
        return PostgresTestDb.stores().indicators();
    }
}
