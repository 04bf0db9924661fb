package io.streamforge.testkit;

import io.streamforge.domain.port.CoverageLedger;

class InMemoryCoverageLedgerTest extends CoverageLedgerContract {
    @Override
    protected CoverageLedger newLedger() {
        return new InMemoryCoverageLedger();
    }
}
