package io.streamforge.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.rehearse.BackfillScenario;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.sim.MarketModel;
import java.util.List;

/** The 5-symbol pipeline of the fault tests (1m candles + aggTrades + connector) and its checks. */
record FiveSymbolLoad(String days) {
    static final List<Symbol> SYMBOLS =
            List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT").stream()
                    .map(Symbol::of)
                    .toList();

    String pipeline() {
        return BackfillScenario.pipeline(SYMBOLS, days);
    }

    /** How many records the simulator has for the load. */
    long expected(MarketModel model) {
        TimeRange range = TimeRange.parseDays(days);
        long n = 0;
        for (Symbol s : SYMBOLS) {
            n += model.klines(s, Interval.M1, range.startUs(), range.endUs()).size();
            n += model.aggTrades(s, range.startUs(), range.endUs()).size();
        }
        return n;
    }

    static long stored(MarketDataStore store) {
        long n = 0;
        for (Symbol s : SYMBOLS) {
            n += store.count("candle", s) + store.count("agg_trade", s);
        }
        return n;
    }

    /** The store holds exactly the simulator's records: content per symbol, and the count. */
    void assertExactly(MarketDataStore store, MarketModel model) {
        TimeRange range = TimeRange.parseDays(days);
        for (Symbol s : SYMBOLS) {
            assertThat(store.candles(s, Interval.M1, range))
                    .isEqualTo(model.klines(s, Interval.M1, range.startUs(), range.endUs()));
            assertThat(store.aggTrades(s, range))
                    .isEqualTo(model.aggTrades(s, range.startUs(), range.endUs()));
        }
        assertThat(stored(store)).isEqualTo(expected(model));
    }
}
