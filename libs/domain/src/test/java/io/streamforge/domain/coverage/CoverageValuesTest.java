package io.streamforge.domain.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import org.junit.jupiter.api.Test;

class CoverageValuesTest {
    @Test
    void klinesNeedAnIntervalAndOnlyKlinesHaveOne() {
        assertThatThrownBy(() -> new CoverageKey(Symbol.of("BTCUSDT"), DataStream.KLINES, null))
                .hasMessageContaining("klines need an interval");
        assertThatThrownBy(
                        () -> new CoverageKey(Symbol.of("BTCUSDT"), DataStream.DEPTH, Interval.M1))
                .hasMessageContaining("only klines have an interval, not depth");
        assertThat(CoverageKey.klines(Symbol.of("BTCUSDT"), Interval.MO1).toString())
                .isEqualTo("BTCUSDT klines 1M");
        assertThat(CoverageKey.parse("xrpeth", "agg_trades", ""))
                .isEqualTo(CoverageKey.aggTrades(Symbol.of("XRPETH")));
        assertThat(CoverageKey.parse("BTCUSDT", "klines", "1m").interval()).isEqualTo(Interval.M1);
    }

    @Test
    void wireNamesParseAndBadOnesAreListed() {
        for (DataStream s : DataStream.values()) {
            assertThat(DataStream.of(s.wire())).isEqualTo(s);
        }
        for (Source s : Source.values()) {
            assertThat(Source.of(s.wire())).isEqualTo(s);
        }
        for (GapStatus s : GapStatus.values()) {
            assertThat(GapStatus.of(s.wire())).isEqualTo(s);
        }
        assertThatThrownBy(() -> DataStream.of("bookTicker"))
                .hasMessage(
                        "invalid stream 'bookTicker': expected one of [klines, agg_trades, trades, depth]");
        assertThatThrownBy(() -> Source.of("REST")).hasMessageContaining("[dump, rest, ws]");
        assertThatThrownBy(() -> GapStatus.of("open"))
                .hasMessageContaining("[missing, filled, expected]");
    }

    @Test
    void idRangesAreInclusiveAndChecked() {
        assertThat(new IdRange(3, 5).count()).isEqualTo(3);
        assertThat(new IdRange(7, 7).toString()).isEqualTo("id 7");
        assertThatThrownBy(() -> new IdRange(5, 3)).hasMessageContaining("5..3");
    }
}
