package io.streamforge.store.arango;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.testkit.Fixtures;
import io.streamforge.testkit.QueueStoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The testkit {@link QueueStoreContract} against {@link ArangoQueueStore} talking to the in-test
 * {@link FakeArangoServer}. NOT a real ArangoDB unless {@code ARANGO_URL} names one (see {@link
 * ArangoTestSupport}): no ArangoDB server can run on this machine, so the fake stands in for it; it
 * parses and executes the AQL the adapter sends (FOR/FILTER/UPDATE … RETURN) and serialises
 * transactions that lock the same collection exclusively, as ArangoDB does — which is what makes
 * {@link #concurrentClaimsOfOneAttemptHaveOneWinner} hold. The contract's bad step lists (a step of
 * another queue, one telemetry id twice) are refused by the adapter before anything is sent, so
 * they prove the adapter, not the fake.
 */
class ArangoQueueStoreContractTest extends QueueStoreContract {
    private final ArangoTestSupport.Opened opened = new ArangoTestSupport.Opened();

    @Override
    protected QueueStore newStore() {
        return opened.add(ArangoTestSupport.contractStores(1_000)).queues();
    }

    @AfterEach
    void closeStores() {
        opened.close();
    }

    @Test
    void concurrentClaimsOfOneAttemptHaveOneWinner() throws Exception {
        store.create(Fixtures.queue("q-race", Fixtures.T0_US));
        int claimers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < claimers; i++) {
                long at = Fixtures.T0_US + i;
                claims.add(() -> store.claimLaunch("q-race", "q-race-loader", 1, at));
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(claims)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        StepRecord s =
                store.find("q-race").orElseThrow().steps().stream()
                        .filter(x -> x.telemetryId().equals("q-race-loader"))
                        .findFirst()
                        .orElseThrow();
        assertThat(s.attempt()).isEqualTo(1);
        assertThat(s.launch()).isEqualTo(LaunchState.LAUNCHING);
    }
}
