package io.streamforge.store.arango;

import static io.streamforge.testkit.Fixtures.BTCUSDT;
import static io.streamforge.testkit.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.TransientException;
import io.streamforge.testkit.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link ArangoMarketDataStore} SENDS and how it reads ArangoDB's answers, checked on the
 * in-test {@link FakeArangoServer}. NOT a real ArangoDB — none can run on this machine; the README
 * describes the manual test against a real server.
 */
class ArangoMarketDataWireTest {
    private final FakeArangoServer fake = ArangoTestSupport.server();
    private final ArangoTestSupport.Opened opened = new ArangoTestSupport.Opened();
    private ArangoStores stores;

    @BeforeEach
    void open() {
        stores = opened.add(ArangoTestSupport.freshStores(1_000));
        fake.clearRequests();
    }

    @AfterEach
    void close() {
        opened.close();
        assertThat(fake.unknownRequests()).isEmpty();
    }

    @Test
    void upsertSendsBatchedUpsertByKeyInOneTransaction() {
        List<Candle> candles = Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 2_500);
        stores.marketData().upsert(candles);

        List<FakeArangoServer.Request> sent = fake.requests();
        FakeArangoServer.Request begin = sent.get(0);
        assertThat(begin.method() + " " + begin.path())
                .endsWith("POST /_db/" + stores.database().name() + "/_api/transaction/begin");
        assertThat(begin.body().at("/collections/write").toString()).isEqualTo("[\"candles\"]");
        List<FakeArangoServer.Request> upserts = fake.queries(Aql.UPSERT);
        assertThat(upserts).hasSize(3);
        String trx = upserts.get(0).trxId();
        assertThat(trx).isNotNull();
        assertThat(upserts).allMatch(r -> trx.equals(r.trxId()));
        assertThat(upserts)
                .extracting(r -> r.body().at("/bindVars/docs").size())
                .containsExactly(1_000, 1_000, 500);
        assertThat(upserts)
                .allMatch(r -> r.body().at("/bindVars/@coll").asText().equals("candles"));
        FakeArangoServer.Request commit = sent.get(sent.size() - 1);
        assertThat(commit.method()).isEqualTo("PUT");
        assertThat(commit.path()).endsWith("/_api/transaction/" + trx);

        JsonNode doc = upserts.get(0).body().at("/bindVars/docs/1");
        Candle c = candles.get(1);
        assertThat(doc.get("_key").asText()).isEqualTo("BINANCE:SPOT:BTCUSDT:1m:" + c.openTimeUs());
        assertThat(doc.get("open_time_us").asLong()).isEqualTo(c.openTimeUs());
        assertThat(doc.get("close").isTextual()).isTrue();
        assertThat(doc.get("close").asText()).isEqualTo("101");
        assertThat(doc.get("quote_volume").asText()).isEqualTo("1262.5");
    }

    @Test
    void duplicateKeysInOneCallAreSentOnceWithTheLastVersion() {
        Candle first = Fixtures.candle(BTCUSDT, Interval.M1, T0_US, "10");
        Candle last = Fixtures.withClose(first, "10.5");
        Candle other = Fixtures.candle(BTCUSDT, Interval.M1, T0_US + 60_000_000L, "11");
        stores.marketData().upsert(List.of(first, other, last));
        JsonNode docs = fake.queries(Aql.UPSERT).get(0).body().at("/bindVars/docs");
        assertThat(docs.size()).isEqualTo(2);
        assertThat(docs.get(1).get("close").asText()).isEqualTo("10.5");
    }

    @Test
    void aMixedBatchDeclaresEveryCollectionItWrites() {
        List<MarketRecord> batch = new ArrayList<>();
        batch.addAll(Fixtures.trades(BTCUSDT, 1, T0_US, 10, 2));
        batch.addAll(Fixtures.aggTrades(BTCUSDT, 1, T0_US, 10, 2));
        stores.marketData().upsert(batch);
        assertThat(fake.requests().get(0).body().at("/collections/write").toString())
                .isEqualTo("[\"trades\",\"agg_trades\"]");
        assertThat(fake.queries(Aql.UPSERT))
                .extracting(r -> r.body().at("/bindVars/@coll").asText())
                .containsExactly("trades", "agg_trades");
    }

    @Test
    void readsSendTheHalfOpenRangeAsBindVariablesAndPageThroughCursors() {
        stores.marketData().upsert(Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 2_300));
        fake.clearRequests();
        TimeRange range = new TimeRange(T0_US, T0_US + 2_200 * 60_000_000L);
        List<Candle> read = stores.marketData().candles(BTCUSDT, Interval.M1, range);
        assertThat(read).hasSize(2_200);
        FakeArangoServer.Request q = fake.queries(Aql.CANDLES).get(0);
        assertThat(q.trxId()).isNull();
        assertThat(q.body().get("bindVars").toString())
                .contains("\"symbol\":\"BTCUSDT\"", "\"interval\":\"1m\"", "\"@coll\":\"candles\"")
                .contains("\"startUs\":" + range.startUs(), "\"endUs\":" + range.endUs());
        // ArangoDB's default batch is 1 000 rows: two follow-up cursor requests
        assertThat(fake.requests()).filteredOn(r -> r.path().contains("/_api/cursor/")).hasSize(2);
    }

    @Test
    void countSendsCollectWithCount() {
        stores.marketData().upsert(Fixtures.trades(BTCUSDT, 1, T0_US, 10, 3));
        assertThat(stores.marketData().count("trade", BTCUSDT)).isEqualTo(3);
        FakeArangoServer.Request q = fake.queries(Aql.COUNT).get(0);
        assertThat(q.body().at("/bindVars/@coll").asText()).isEqualTo("trades");
    }

    @Test
    void unavailableServerMidCallIsTransientAndAbortsEverything() {
        List<MarketRecord> batch =
                new ArrayList<>(Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 900));
        batch.addAll(Fixtures.trades(BTCUSDT, 1, T0_US, 10, 900));
        // the candles batch succeeds inside the transaction; the second statement gets 503
        fake.failTimes("/_api/cursor", Aql.UPSERT, 1, 3, 503, 503);
        fake.clearRequests();
        assertThatThrownBy(() -> stores.marketData().upsert(batch))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("upsert into trades");
        assertThat(fake.requests().get(fake.requests().size() - 1).method()).isEqualTo("DELETE");
        assertThat(stores.marketData().count("candle", BTCUSDT)).isZero();
        assertThat(stores.marketData().count("trade", BTCUSDT)).isZero();
        assertThat(fake.database(stores.database().name()).openTransactions()).isZero();
        stores.marketData().upsert(batch); // nothing left behind: a retry stores everything once
        assertThat(stores.marketData().count("candle", BTCUSDT)).isEqualTo(900);
        assertThat(stores.marketData().count("trade", BTCUSDT)).isEqualTo(900);
    }

    @Test
    void aFailureInALaterBatchRollsBackTheEarlierBatches() {
        stores = opened.add(ArangoTestSupport.freshStores(100));
        fake.clearRequests();
        List<Candle> candles = Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 350);
        // fail the 4th statement of the call: three batches were already written in the transaction
        fake.failAfter("/_api/cursor", Aql.UPSERT, 3, 409, ArangoErrors.CONFLICT);
        assertThatThrownBy(() -> stores.marketData().upsert(candles))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("errorNum 1200");
        assertThat(stores.marketData().count("candle", BTCUSDT)).isZero();
    }

    @Test
    void errorAnswersAreClassified() {
        List<Candle> one = Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 1);
        fake.failNext("/_api/cursor", Aql.UPSERT, 400, 1501);
        assertThatThrownBy(() -> stores.marketData().upsert(one))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("upsert into candles");
        fake.failNext("/_api/cursor", Aql.UPSERT, 409, 1210);
        assertThatThrownBy(() -> stores.marketData().upsert(one))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("errorNum 1210");
        fake.failTimes("/_api/cursor", Aql.CANDLES, 0, 3, 503, 503);
        assertThatThrownBy(
                        () ->
                                stores.marketData()
                                        .candles(BTCUSDT, Interval.M1, new TimeRange(0, 1)))
                .isInstanceOf(TransientException.class);
        fake.failNext("/_api/transaction/begin", null, 409, ArangoErrors.LOCK_TIMEOUT);
        assertThatThrownBy(() -> stores.marketData().upsert(one))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("begin transaction");
        stores.marketData().upsert(one);
        assertThat(stores.marketData().count("candle", BTCUSDT)).isEqualTo(1);
    }
}
