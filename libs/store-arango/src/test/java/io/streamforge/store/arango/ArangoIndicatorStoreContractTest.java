package io.streamforge.store.arango;

import io.streamforge.domain.port.IndicatorStore;
import io.streamforge.testkit.IndicatorStoreContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The testkit {@link IndicatorStoreContract} against {@link ArangoIndicatorStore}: on the in-test
 * {@link FakeArangoServer} (NOT ArangoDB), or on the real ArangoDB named by {@code ARANGO_URL} when
 * set (see {@link ArangoTestSupport}). Batch size 700, so the contract's 20 000 values go in
 * several statements of one transaction.
 */
class ArangoIndicatorStoreContractTest extends IndicatorStoreContract {
    private final ArangoTestSupport.Opened opened = new ArangoTestSupport.Opened();

    @Override
    protected IndicatorStore newStore() {
        return opened.add(ArangoTestSupport.contractStores(700)).indicators();
    }

    @AfterEach
    void closeStores() {
        opened.close();
    }
}
