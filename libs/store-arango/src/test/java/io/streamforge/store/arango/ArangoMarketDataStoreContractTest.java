package io.streamforge.store.arango;

import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.testkit.MarketDataStoreContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The testkit {@link MarketDataStoreContract} against {@link ArangoMarketDataStore} talking to the
 * in-test {@link FakeArangoServer}. NOT a real ArangoDB unless {@code ARANGO_URL} names one (see
 * {@link ArangoTestSupport}): no server can run on this machine; the fake executes exactly the AQL
 * the adapter sends. Batch size 700 so that the contract's large batch (5 000 candles + 5 000
 * trades) is split into several statements in one transaction.
 */
class ArangoMarketDataStoreContractTest extends MarketDataStoreContract {
    private final ArangoTestSupport.Opened opened = new ArangoTestSupport.Opened();

    @Override
    protected MarketDataStore newStore() {
        return opened.add(ArangoTestSupport.contractStores(700)).marketData();
    }

    @AfterEach
    void closeStores() {
        opened.close();
    }
}
