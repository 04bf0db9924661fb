package io.streamforge.testkit;

import static io.streamforge.testkit.Fixtures.BTCUSDT;
import static io.streamforge.testkit.Fixtures.ETHUSDT;
import static io.streamforge.testkit.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.domain.port.IndicatorStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link IndicatorStore} must show. Subclass it and return a new, empty store from
 * {@link #newStore()} (called before each test).
 */
public abstract class IndicatorStoreContract {
    private static final long MINUTE_US = 60_000_000L;
    private static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    protected IndicatorStore store;

    /** A store with no values in it. */
    protected abstract IndicatorStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private static IndicatorValue rsi(Symbol s, int minute, double value) {
        return new IndicatorValue(s, Interval.M1, T0_US + minute * MINUTE_US, "RSI_14", value);
    }

    private List<Double> rsiValues(Symbol s) {
        return store.values(s, Interval.M1, "RSI_14", ALL).stream()
                .map(IndicatorValue::value)
                .toList();
    }

    @Test
    void valuesReadBackExactlyAndInTimeOrder() {
        List<IndicatorValue> batch =
                List.of(
                        rsi(BTCUSDT, 2, 0.1 + 0.2),
                        rsi(BTCUSDT, 0, 70.123456789012345),
                        rsi(BTCUSDT, 1, -0.0),
                        rsi(BTCUSDT, 3, Double.MIN_VALUE),
                        rsi(BTCUSDT, 4, 1.7976931348623157e308));
        assertThat(store.upsert(batch)).isEqualTo(5);
        assertThat(store.values(BTCUSDT, Interval.M1, "RSI_14", ALL))
                .containsExactly(
                        batch.get(1), batch.get(2), batch.get(0), batch.get(3), batch.get(4));
    }

    @Test
    void rangesAreHalfOpen() {
        List<IndicatorValue> batch = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            batch.add(rsi(BTCUSDT, m, m));
        }
        store.upsert(batch);
        TimeRange r = new TimeRange(T0_US + 3 * MINUTE_US, T0_US + 6 * MINUTE_US);
        assertThat(store.values(BTCUSDT, Interval.M1, "RSI_14", r))
                .extracting(IndicatorValue::value)
                .containsExactly(3.0, 4.0, 5.0);
    }

    @Test
    void nanIsNeverStoredAndLeavesAStoredValueAlone() {
        assertThat(store.upsert(List.of(rsi(BTCUSDT, 0, Double.NaN), rsi(BTCUSDT, 1, 50))))
                .isEqualTo(1);
        assertThat(store.values(BTCUSDT, Interval.M1, "RSI_14", ALL))
                .containsExactly(rsi(BTCUSDT, 1, 50));
        assertThat(store.upsert(List.of(rsi(BTCUSDT, 1, Double.NaN)))).isZero();
        assertThat(rsiValues(BTCUSDT)).containsExactly(50.0);
    }

    @Test
    void reWritingIsIdempotentAndANewValueReplacesTheOld() {
        List<IndicatorValue> batch = List.of(rsi(BTCUSDT, 0, 30), rsi(BTCUSDT, 1, 40));
        store.upsert(batch);
        assertThat(store.upsert(batch)).isEqualTo(2);
        assertThat(rsiValues(BTCUSDT)).containsExactly(30.0, 40.0);
        store.upsert(List.of(rsi(BTCUSDT, 1, 45)));
        assertThat(rsiValues(BTCUSDT)).containsExactly(30.0, 45.0);
    }

    @Test
    void duplicatesInsideOneBatchLastWins() {
        assertThat(
                        store.upsert(
                                List.of(
                                        rsi(BTCUSDT, 0, 1),
                                        rsi(BTCUSDT, 0, 2),
                                        rsi(BTCUSDT, 0, Double.NaN),
                                        rsi(BTCUSDT, 0, 3))))
                .isEqualTo(1);
        assertThat(rsiValues(BTCUSDT)).containsExactly(3.0);
    }

    @Test
    void readsFilterBySymbolIntervalAndName() {
        store.upsert(
                List.of(
                        rsi(BTCUSDT, 0, 1),
                        rsi(ETHUSDT, 0, 2),
                        new IndicatorValue(BTCUSDT, Interval.M5, T0_US, "RSI_14", 3),
                        new IndicatorValue(BTCUSDT, Interval.M1, T0_US, "SMA_20", 4),
                        new IndicatorValue(BTCUSDT, Interval.M1, T0_US, "BBANDS_20_2_UPPER", 5)));
        assertThat(rsiValues(BTCUSDT)).containsExactly(1.0);
        assertThat(rsiValues(ETHUSDT)).containsExactly(2.0);
        assertThat(store.values(BTCUSDT, Interval.M5, "RSI_14", ALL))
                .extracting(IndicatorValue::value)
                .containsExactly(3.0);
        assertThat(store.values(BTCUSDT, Interval.M1, "EMA_20", ALL)).isEmpty();
        assertThat(store.names(BTCUSDT, Interval.M1))
                .containsExactly("BBANDS_20_2_UPPER", "RSI_14", "SMA_20");
        assertThat(store.names(ETHUSDT, Interval.M5)).isEmpty();
    }

    @Test
    void aNullElementFailsTheWholeBatch() {
        List<IndicatorValue> batch = Arrays.asList(rsi(BTCUSDT, 0, 1), null, rsi(BTCUSDT, 2, 3));
        assertThatThrownBy(() -> store.upsert(batch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values[1]");
        assertThat(rsiValues(BTCUSDT)).isEmpty();
        assertThatThrownBy(() -> store.upsert(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void badValuesAndNamesAreRejected() {
        assertThatThrownBy(() -> new IndicatorValue(BTCUSDT, Interval.M1, T0_US, "RSI_14", 1 / 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RSI_14");
        assertThatThrownBy(() -> new IndicatorValue(BTCUSDT, Interval.M1, T0_US, "RSI 14", 1))
                .hasMessageContaining("'RSI 14'");
        assertThatThrownBy(() -> store.values(BTCUSDT, Interval.M1, "", ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("indicator name");
    }

    @Test
    void anEmptyBatchWritesNothing() {
        assertThat(store.upsert(List.of())).isZero();
        assertThat(store.names(BTCUSDT, Interval.M1)).isEmpty();
    }

    @Test
    void aBatchOf20000ValuesIsStored() {
        List<IndicatorValue> batch = new ArrayList<>();
        for (int m = 0; m < 5_000; m++) {
            for (String name : List.of("RSI_14", "SMA_20", "EMA_20", "ATR_14")) {
                batch.add(
                        new IndicatorValue(
                                BTCUSDT, Interval.M1, T0_US + m * MINUTE_US, name, m + 0.5));
            }
        }
        assertThat(store.upsert(batch)).isEqualTo(20_000);
        assertThat(store.values(BTCUSDT, Interval.M1, "ATR_14", ALL))
                .hasSize(5_000)
                .last()
                .isEqualTo(batch.get(batch.size() - 1));
    }
}
