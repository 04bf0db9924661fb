package io.streamforge.store.arango;

import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.testkit.CoverageLedgerContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The testkit {@link CoverageLedgerContract} against {@link ArangoCoverageLedger} talking to the
 * in-test {@link FakeArangoServer}. NOT a real ArangoDB unless {@code ARANGO_URL} names one (see
 * {@link ArangoTestSupport}): no ArangoDB server can run on this machine, so the fake stands in for
 * it; it executes exactly the AQL the adapter sends (and rejects any other text), sees a stream
 * transaction's own writes and serialises transactions that lock the same collection exclusively,
 * as ArangoDB does.
 */
class ArangoCoverageLedgerContractTest extends CoverageLedgerContract {
    private final ArangoTestSupport.Opened opened = new ArangoTestSupport.Opened();

    @Override
    protected CoverageLedger newLedger() {
        return opened.add(ArangoTestSupport.contractStores(1_000)).coverage();
    }

    @AfterEach
    void closeStores() {
        opened.close();
    }
}
