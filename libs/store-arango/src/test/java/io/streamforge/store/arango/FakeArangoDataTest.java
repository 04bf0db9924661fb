package io.streamforge.store.arango;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The ArangoDB stand-in's stream-transaction locks behave as the server's: a transaction abandoned
 * by a client that died is aborted after the idle timeout (its locks released, a late commit finds
 * no transaction), and a writer that gives up waiting releases the locks it already held.
 */
class FakeArangoDataTest {
    private static FakeArangoData data(String... collections) {
        FakeArangoData d = new FakeArangoData();
        for (String c : collections) {
            d.committed.put(c, new FakeArangoData.Coll(c, 2, new LinkedHashMap<>()));
        }
        return d;
    }

    @Test
    void anAbandonedTransactionIsAbortedAfterTheIdleTimeoutAndItsLockReleased() throws Exception {
        FakeArangoData d = data("candles");
        d.idleTimeoutMs = 200;
        FakeArangoData.Tx abandoned = d.begin(new TreeSet<>(List.of("candles")));
        FakeArangoData.Tx next = d.begin(new TreeSet<>(List.of("candles")));
        assertThat(d.transaction(abandoned.id)).isNull();
        assertThat(d.finish(abandoned.id, true))
                .as("its late commit finds no transaction")
                .isFalse();
        assertThat(d.openTransactions()).isEqualTo(1);
        assertThat(d.finish(next.id, true)).isTrue();
    }

    @Test
    void aTransactionInUseIsNotAbortedAndTheWaiterTimesOutReleasingWhatItHeld() throws Exception {
        FakeArangoData d = data("a", "b");
        d.lockWaitMs = 300;
        FakeArangoData.Tx holder = d.begin(new TreeSet<>(List.of("b")));
        assertThatThrownBy(() -> d.begin(new TreeSet<>(List.of("a", "b"))))
                .hasMessage("lock timeout on b");
        assertThat(d.transaction(holder.id)).as("not idle for 60 s").isNotNull();
        FakeArangoData.Tx onA = d.begin(new TreeSet<>(List.of("a")));
        assertThat(onA).as("the lock on a was released by the writer that gave up").isNotNull();
        assertThat(d.finish(onA.id, false)).isTrue();
        assertThat(d.finish(holder.id, true)).isTrue();
    }
}
