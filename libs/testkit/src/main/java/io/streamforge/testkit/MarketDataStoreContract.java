package io.streamforge.testkit;

import static io.streamforge.testkit.Fixtures.BTCUSDT;
import static io.streamforge.testkit.Fixtures.ETHUSDT;
import static io.streamforge.testkit.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import io.streamforge.domain.port.MarketDataStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link MarketDataStore} must show. Subclass it and return a new, empty store from
 * {@link #newStore()} (called before each test).
 */
public abstract class MarketDataStoreContract {
    private static final long MINUTE_US = 60_000_000L;
    private static final TimeRange ALL = new TimeRange(0, Long.MAX_VALUE);

    protected MarketDataStore store;

    /** A store with no records in it. */
    protected abstract MarketDataStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    @Test
    void upsertingTheSameRecordsTwiceChangesNothing() {
        List<Candle> candles = Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 10);
        List<AggTrade> aggs = Fixtures.aggTrades(BTCUSDT, 1000, T0_US, 1_000, 10);
        store.upsert(candles);
        store.upsert(aggs);
        store.upsert(candles);
        store.upsert(aggs);
        assertThat(store.count("candle", BTCUSDT)).isEqualTo(10);
        assertThat(store.count("agg_trade", BTCUSDT)).isEqualTo(10);
        assertThat(store.candles(BTCUSDT, Interval.M1, ALL)).isEqualTo(candles);
        assertThat(store.aggTrades(BTCUSDT, ALL)).isEqualTo(aggs);
    }

    @Test
    void aLaterVersionOfAKeyReplacesTheEarlierOne() {
        List<Candle> candles = Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 3);
        store.upsert(candles);
        Candle changed = Fixtures.withClose(candles.get(1), "99.5");
        store.upsert(List.of(changed));
        assertThat(store.candles(BTCUSDT, Interval.M1, ALL))
                .containsExactly(candles.get(0), changed, candles.get(2));
        assertThat(store.count("candle", BTCUSDT)).isEqualTo(3);
    }

    @Test
    void aMixedBatchStoresEveryKind() {
        List<MarketRecord> batch = new ArrayList<>();
        batch.addAll(Fixtures.candles(BTCUSDT, Interval.M5, T0_US, 4));
        batch.addAll(Fixtures.aggTrades(BTCUSDT, 1, T0_US, 500, 3));
        batch.addAll(Fixtures.trades(BTCUSDT, 7, T0_US, 250, 5));
        batch.addAll(Fixtures.candles(ETHUSDT, Interval.M5, T0_US, 2));
        Collections.shuffle(batch, new Random(7));
        store.upsert(batch);
        assertThat(store.count("candle", BTCUSDT)).isEqualTo(4);
        assertThat(store.count("agg_trade", BTCUSDT)).isEqualTo(3);
        assertThat(store.count("trade", BTCUSDT)).isEqualTo(5);
        assertThat(store.count("candle", ETHUSDT)).isEqualTo(2);
        assertThat(store.count("trade", ETHUSDT)).isZero();
        assertThat(store.trades(BTCUSDT, ALL))
                .isEqualTo(Fixtures.trades(BTCUSDT, 7, T0_US, 250, 5));
    }

    @Test
    void duplicatesInsideOneBatchLastOneWins() {
        Candle first = Fixtures.candle(BTCUSDT, Interval.M1, T0_US, "10");
        Candle second = Fixtures.withClose(first, "10.5");
        Candle third = Fixtures.withClose(first, "9.75");
        AggTrade a1 = Fixtures.aggTrade(BTCUSDT, 5, T0_US, "1.5", "2");
        AggTrade a2 = Fixtures.aggTrade(BTCUSDT, 5, T0_US, "1.6", "2");
        store.upsert(List.of(first, a1, second, a2, third));
        assertThat(store.candles(BTCUSDT, Interval.M1, ALL)).containsExactly(third);
        assertThat(store.aggTrades(BTCUSDT, ALL)).containsExactly(a2);
    }

    @Test
    void rangeReadsAreHalfOpen() {
        List<Candle> candles = Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 5);
        List<AggTrade> aggs = Fixtures.aggTrades(BTCUSDT, 100, T0_US, MINUTE_US, 5);
        List<Trade> trades = Fixtures.trades(BTCUSDT, 200, T0_US, MINUTE_US, 5);
        store.upsert(candles);
        store.upsert(aggs);
        store.upsert(trades);
        TimeRange r = new TimeRange(T0_US + MINUTE_US, T0_US + 3 * MINUTE_US);
        assertThat(store.candles(BTCUSDT, Interval.M1, r))
                .containsExactly(candles.get(1), candles.get(2));
        assertThat(store.aggTrades(BTCUSDT, r)).containsExactly(aggs.get(1), aggs.get(2));
        assertThat(store.trades(BTCUSDT, r)).containsExactly(trades.get(1), trades.get(2));
        TimeRange oneUs = new TimeRange(T0_US + MINUTE_US - 1, T0_US + MINUTE_US);
        assertThat(store.candles(BTCUSDT, Interval.M1, oneUs)).isEmpty();
        assertThat(store.aggTrades(BTCUSDT, oneUs)).isEmpty();
    }

    @Test
    void readsAreFilteredBySymbolAndInterval() {
        store.upsert(Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 3));
        store.upsert(Fixtures.candles(BTCUSDT, Interval.M5, T0_US, 2));
        store.upsert(Fixtures.candles(ETHUSDT, Interval.M1, T0_US, 4));
        store.upsert(Fixtures.aggTrades(ETHUSDT, 1, T0_US, 10, 3));
        assertThat(store.candles(BTCUSDT, Interval.M1, ALL)).hasSize(3);
        assertThat(store.candles(BTCUSDT, Interval.M5, ALL)).hasSize(2);
        assertThat(store.candles(ETHUSDT, Interval.M1, ALL))
                .allMatch(c -> c.symbol().equals(ETHUSDT))
                .hasSize(4);
        assertThat(store.candles(ETHUSDT, Interval.H1, ALL)).isEmpty();
        assertThat(store.aggTrades(BTCUSDT, ALL)).isEmpty();
        assertThat(store.count("candle", BTCUSDT)).isEqualTo(5);
    }

    @Test
    void readsAreOrdered() {
        List<Candle> candles = new ArrayList<>(Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 20));
        // agg ids ascend while times do not: the port orders aggTrades by agg id
        List<AggTrade> aggs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            aggs.add(Fixtures.aggTrade(BTCUSDT, 50 + i, T0_US + (10 - i) * 1_000L, "1", "1"));
        }
        List<Trade> trades = new ArrayList<>(Fixtures.trades(BTCUSDT, 1, T0_US, 5, 10));
        List<MarketRecord> shuffled = new ArrayList<>();
        shuffled.addAll(candles);
        shuffled.addAll(aggs);
        shuffled.addAll(trades);
        Collections.shuffle(shuffled, new Random(42));
        store.upsert(shuffled);
        assertThat(store.candles(BTCUSDT, Interval.M1, ALL)).containsExactlyElementsOf(candles);
        assertThat(store.aggTrades(BTCUSDT, ALL)).containsExactlyElementsOf(aggs);
        assertThat(store.trades(BTCUSDT, ALL)).containsExactlyElementsOf(trades);
    }

    @Test
    void decimalsRoundTripExactly() {
        String[] values = {"0.00000001", "123456789.123456789", "0.1", "42000", "1e-18"};
        List<AggTrade> aggs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            aggs.add(
                    Fixtures.aggTrade(
                            BTCUSDT, i + 1, T0_US + i, values[i], values[values.length - 1 - i]));
        }
        Candle c = Fixtures.candle(BTCUSDT, Interval.H1, T0_US, "123456789.123456789");
        store.upsert(aggs);
        store.upsert(List.of(c));
        List<AggTrade> read = store.aggTrades(BTCUSDT, ALL);
        assertThat(read).isEqualTo(aggs);
        assertThat(read.get(0).price()).isEqualTo(new BigDecimal("0.00000001"));
        assertThat(read.get(0).price().toPlainString()).isEqualTo("0.00000001");
        assertThat(read.get(1).price().toPlainString()).isEqualTo("123456789.123456789");
        assertThat(read.get(4).price().toPlainString()).isEqualTo("0.000000000000000001");
        Candle back = store.candles(BTCUSDT, Interval.H1, ALL).get(0);
        assertThat(back).isEqualTo(c);
        assertThat(back.close().toPlainString()).isEqualTo("123456789.123456789");
    }

    @Test
    void invalidatedAggTradesAreKeptAndFlagged() {
        AggTrade normal = Fixtures.aggTrade(BTCUSDT, 10, T0_US, "1.25", "3");
        AggTrade invalid = Fixtures.invalidatedAggTrade(BTCUSDT, 11, T0_US + 1);
        store.upsert(List.of(normal, invalid));
        List<AggTrade> read = store.aggTrades(BTCUSDT, ALL);
        assertThat(read).containsExactly(normal, invalid);
        assertThat(read.get(1).invalidated()).isTrue();
        assertThat(read.get(0).invalidated()).isFalse();
        assertThat(store.count("agg_trade", BTCUSDT)).isEqualTo(2);
    }

    @Test
    void anEmptyBatchIsANoOp() {
        store.upsert(List.of());
        store.upsert(Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 2));
        store.upsert(List.of());
        assertThat(store.count("candle", BTCUSDT)).isEqualTo(2);
    }

    @Test
    void aNullRecordFailsClearlyAndWritesNothing() {
        List<MarketRecord> batch =
                new ArrayList<>(Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 3));
        batch.add(1, null);
        assertThatThrownBy(() -> store.upsert(batch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null")
                .hasMessageContaining("1");
        assertThat(store.count("candle", BTCUSDT)).isZero();
        assertThatThrownBy(() -> store.upsert(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void countRejectsAnUnknownKind() {
        assertThatThrownBy(() -> store.count("candles", BTCUSDT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candles")
                .hasMessageContaining("agg_trade");
    }

    @Test
    void aLargeBatchIsStoredCompletely() {
        List<Candle> candles = Fixtures.candles(BTCUSDT, Interval.S1, T0_US, 5_000);
        List<Trade> trades = Fixtures.trades(BTCUSDT, 1, T0_US, 1, 5_000);
        List<MarketRecord> batch = new ArrayList<>(candles);
        batch.addAll(trades);
        store.upsert(batch);
        assertThat(store.count("candle", BTCUSDT)).isEqualTo(5_000);
        assertThat(store.count("trade", BTCUSDT)).isEqualTo(5_000);
        List<Candle> read = store.candles(BTCUSDT, Interval.S1, ALL);
        assertThat(read.get(0)).isEqualTo(candles.get(0));
        assertThat(read.get(4_999)).isEqualTo(candles.get(4_999));
        assertThat(read).hasSize(5_000);
    }
}
