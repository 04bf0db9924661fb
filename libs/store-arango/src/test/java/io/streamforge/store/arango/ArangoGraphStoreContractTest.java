package io.streamforge.store.arango;

import io.streamforge.domain.port.GraphStore;
import io.streamforge.testkit.GraphStoreContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The testkit {@link GraphStoreContract} against {@link ArangoGraphStore} talking to the in-test
 * {@link FakeArangoServer}. NOT a real ArangoDB unless {@code ARANGO_URL} names one (see {@link
 * ArangoTestSupport}): no server can run on this machine; the fake executes exactly the AQL the
 * adapter sends and serialises stream transactions that declare the same collections exclusive, as
 * ArangoDB's exclusive locks do.
 */
class ArangoGraphStoreContractTest extends GraphStoreContract {
    private final ArangoTestSupport.Opened opened = new ArangoTestSupport.Opened();

    @Override
    protected GraphStore newStore() {
        return opened.add(ArangoTestSupport.contractStores(500)).graphs();
    }

    @AfterEach
    void closeStores() {
        opened.close();
    }
}
