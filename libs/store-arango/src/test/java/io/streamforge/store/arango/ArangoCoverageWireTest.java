package io.streamforge.store.arango;

import static io.streamforge.testkit.Fixtures.BTCUSDT;
import static io.streamforge.testkit.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.TransientException;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link ArangoCoverageLedger} SENDS: one stream transaction per write call with an exclusive
 * lock on exactly the collection it writes, documents with hashed keys and µs integers, removal by
 * key + insert only when the rules change something, abort on failure, nothing sent for rejected
 * input. Against the in-test {@link FakeArangoServer} — NOT a real ArangoDB, none can run here.
 */
class ArangoCoverageWireTest {
    private static final long MIN = 60_000_000L;
    private static final CoverageKey K1M = CoverageKey.klines(BTCUSDT, Interval.M1);
    private static final CoverageKey AGG = CoverageKey.aggTrades(BTCUSDT);
    private static final TimeRange DAY = new TimeRange(T0_US, T0_US + 1440 * MIN);

    private final FakeArangoServer fake = ArangoTestSupport.server();
    private final ArangoTestSupport.Opened opened = new ArangoTestSupport.Opened();
    private ArangoCoverageLedger ledger;

    @BeforeEach
    void open() {
        ledger = opened.add(ArangoTestSupport.freshStores(1_000)).coverage();
        fake.clearRequests();
    }

    @AfterEach
    void close() {
        opened.close();
        assertThat(fake.unknownRequests()).isEmpty();
    }

    private static Received rec(CoverageKey k, long from, long to, String queue) {
        return new Received(
                k, new TimeRange(T0_US + from * MIN, T0_US + to * MIN), Source.REST, queue);
    }

    private FakeArangoData db() {
        return fake.database(fake.requests().get(0).path().replaceFirst("^/_db/([^/]+)/.*", "$1"));
    }

    @Test
    void recordIsOneExclusiveTransactionOnTheReceivedCollectionOnly() {
        ledger.record(List.of(rec(K1M, 0, 10, "q1"), rec(AGG, 0, 1, "")));
        List<FakeArangoServer.Request> sent = fake.requests();
        JsonNode begin = sent.get(0).body();
        assertThat(sent.get(0).path()).endsWith("/_api/transaction/begin");
        assertThat(begin.at("/collections/exclusive").toString())
                .isEqualTo("[\"coverage_received\"]");
        assertThat(begin.at("/collections/write").size()).isZero();
        String tx = sent.stream().filter(r -> r.trxId() != null).findFirst().get().trxId();
        assertThat(sent.subList(1, sent.size() - 1)).allMatch(r -> tx.equals(r.trxId()));
        assertThat(sent.get(sent.size() - 1).method()).isEqualTo("PUT");
        assertThat(fake.queries(Aql.COVERAGE_TOUCHING)).hasSize(2);
        JsonNode agg = fake.queries(Aql.INSERT).get(1).body().at("/bindVars/docs/0");
        assertThat(agg.get("_key").asText()).matches("[0-9a-f]{40}");
        assertThat(agg.get("interval").asText()).isEmpty();
        assertThat(agg.get("stream").asText()).isEqualTo("agg_trades");
        assertThat(agg.get("start_us").isIntegralNumber()).isTrue();
        assertThat(agg.get("end_us").asLong()).isEqualTo(T0_US + MIN);
        assertThat(db().openTransactions()).isZero();
    }

    @Test
    void recordGapsLocksTheGapsCollectionAndStoresIds() {
        Gap g =
                new Gap(
                        AGG,
                        new TimeRange(T0_US, T0_US + 5),
                        GapStatus.MISSING,
                        "ids",
                        new IdRange(7, 9),
                        "q");
        ledger.recordGaps(List.of(g));
        assertThat(fake.requests().get(0).body().at("/collections/exclusive").toString())
                .isEqualTo("[\"coverage_gaps\"]");
        JsonNode doc = fake.queries(Aql.INSERT).get(0).body().at("/bindVars/docs/0");
        assertThat(doc.get("first_id").asLong()).isEqualTo(7);
        assertThat(doc.get("last_id").asLong()).isEqualTo(9);
        assertThat(doc.get("status").asText()).isEqualTo("missing");
        ledger.recordGaps(List.of(Gap.missing(K1M, new TimeRange(T0_US, T0_US + MIN), "x", "q")));
        JsonNode plain = fake.queries(Aql.INSERT).get(1).body().at("/bindVars/docs/0");
        assertThat(plain.has("first_id")).isFalse();
        assertThat(ledger.gaps(K1M, DAY, Set.of(GapStatus.MISSING))).hasSize(1);
        assertThat(
                        fake.queries(Aql.COVERAGE_GAPS)
                                .get(0)
                                .body()
                                .at("/bindVars/statuses")
                                .toString())
                .isEqualTo("[\"missing\"]");
    }

    @Test
    void rejectedOrEmptyBatchesSendNothing() {
        assertThatThrownBy(() -> ledger.record(Arrays.asList(rec(K1M, 0, 1, "q"), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("received[1]");
        assertThatThrownBy(() -> ledger.recordGaps(Arrays.asList((Gap) null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gaps[0]");
        assertThatThrownBy(() -> ledger.record((List<Received>) null))
                .isInstanceOf(NullPointerException.class);
        ledger.record(List.of());
        ledger.recordGaps(List.of());
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aRepeatedWriteOnlyReads() {
        ledger.record(rec(K1M, 0, 10, "q1"));
        fake.clearRequests();
        ledger.record(rec(K1M, 2, 8, "q1"));
        assertThat(fake.queries(Aql.COVERAGE_TOUCHING)).hasSize(1);
        assertThat(fake.queries(Aql.INSERT)).isEmpty();
        assertThat(fake.queries(Aql.REMOVE_KEYS)).isEmpty();
    }

    @Test
    void aMergeRemovesTheTouchedDocumentAndInsertsTheUnionUnderTheSameKey() {
        ledger.record(rec(K1M, 0, 10, "q1"));
        String first = fake.queries(Aql.INSERT).get(0).body().at("/bindVars/docs/0/_key").asText();
        ledger.record(rec(K1M, 10, 20, "q1"));
        JsonNode removed = fake.queries(Aql.REMOVE_KEYS).get(0).body().at("/bindVars/keys");
        assertThat(removed.toString()).isEqualTo("[\"" + first + "\"]");
        JsonNode union = fake.queries(Aql.INSERT).get(1).body().at("/bindVars/docs");
        assertThat(union.size()).isEqualTo(1);
        assertThat(union.get(0).get("_key").asText()).isEqualTo(first);
        assertThat(union.get(0).get("end_us").asLong()).isEqualTo(T0_US + 20 * MIN);
        assertThat(db().committed.get("coverage_received").docs).hasSize(1);
    }

    @Test
    void anyQueueIdFitsTheKeyAlphabet() {
        String queue = "q/ü x#".repeat(60);
        ledger.record(rec(K1M, 0, 1, queue));
        assertThat(ledger.receivedOfQueue(queue)).containsExactly(rec(K1M, 0, 1, queue));
    }

    @Test
    void aFailureMidCallAbortsAndLeavesTheLedgerUnchanged() {
        // the first insert succeeds in the transaction, the second one gets 503 (3 driver tries)
        fake.failTimes("/_api/cursor", Aql.INSERT, 1, 3, 503, 503);
        List<Received> batch = List.of(rec(K1M, 0, 10, "q"), rec(AGG, 0, 10, "q"));
        assertThatThrownBy(() -> ledger.record(batch))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("insert into coverage_received");
        List<FakeArangoServer.Request> sent = fake.requests();
        assertThat(sent.get(sent.size() - 1).method()).isEqualTo("DELETE");
        assertThat(ledger.keys()).isEmpty();
        assertThat(db().openTransactions()).isZero();
        ledger.record(batch);
        assertThat(ledger.keys()).containsExactly(K1M, AGG);
    }

    @Test
    void aCorruptDocumentIsPermanentAndNamesKeyAndAttribute() {
        ledger.record(rec(K1M, 0, 10, "q"));
        ObjectNode doc = db().committed.get("coverage_received").docs.values().iterator().next();
        doc.put("end_us", "tomorrow"); // a string sorts after every number in AQL: still found
        assertThatThrownBy(() -> ledger.received(K1M, DAY))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining(doc.get("_key").asText())
                .hasMessageContaining("end_us");
    }

    @Test
    void concurrentWritersOfOneKeyDoNotInterleave() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> even = pool.submit(() -> minutes(0));
            Future<?> odd = pool.submit(() -> minutes(1));
            even.get();
            odd.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.received(K1M, DAY)).containsExactly(rec(K1M, 0, 40, "q"));
    }

    private void minutes(int parity) {
        for (int m = parity; m < 40; m += 2) {
            ledger.record(rec(K1M, m, m + 1, "q"));
        }
    }
}
