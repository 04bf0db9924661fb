package io.streamforge.binance.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.binance.MalformedResponseException;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceJsonTest {
    private static final Symbol S = Symbol.of("ETHBTC");
    private static final String KLINE_MS =
            "[[1735689600000,\"0.1\",\"0.3\",\"0.05\",\"0.2\",\"10\",1735689659999,\"2\",5,\"4\",\"0.8\",\"0\"]]";

    @Test
    void klineInMicrosecondsEqualsTheSameKlineInMilliseconds() {
        String us =
                "[[1735689600000000,\"0.10\",\"0.30\",\"0.050\",\"0.2\",\"10.0\",1735689659999000,"
                        + "\"2\",5,\"4\",\"0.8\",\"0\",\"future-field\"]]";
        Candle a = WireMapper.candle(S, Interval.M1, BinanceJson.klines("k", KLINE_MS).get(0));
        Candle b = WireMapper.candle(S, Interval.M1, BinanceJson.klines("k", us).get(0));
        assertThat(b).isEqualTo(a);
        assertThat(a.openTimeUs()).isEqualTo(1_735_689_600_000_000L);
    }

    @Test
    void aggTradeIgnoresUnknownFieldsAndKeepsInvalidatedOnes() {
        String body =
                "[{\"a\":1,\"p\":\"0\",\"q\":\"0\",\"f\":-1,\"l\":-1,\"T\":1735689600000,\"m\":true,"
                        + "\"M\":true,\"X\":\"new\"},"
                        + "{\"a\":2,\"p\":\"0.05\",\"q\":\"3\",\"f\":7,\"l\":9,\"T\":1735689600001,\"m\":false}]";
        List<AggTrade> ts = WireMapper.aggTrades(S, BinanceJson.aggTrades("aggTrades", body));
        assertThat(ts).hasSize(2);
        assertThat(ts.get(0).invalidated()).isTrue();
        assertThat(ts.get(1).invalidated()).isFalse();
        assertThat(ts.get(1).price()).isEqualTo(new BigDecimal("0.05"));
        assertThat(ts.get(1).bestMatch()).isTrue(); // absent M defaults to true
    }

    @Test
    void malformedInputNamesTheProblem() {
        assertThatThrownBy(() -> BinanceJson.klines("/api/v3/klines", "{not json"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("/api/v3/klines")
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> BinanceJson.klines("k", "{\"code\":1}"))
                .hasMessageContaining("expected a JSON array");
        assertThatThrownBy(() -> BinanceJson.klines("k", "[[1,\"2\"]]"))
                .hasMessageContaining("k[0]")
                .hasMessageContaining("12 fields");
        assertThatThrownBy(
                        () -> BinanceJson.klines("k", KLINE_MS.replace("1735689659999", "\"x\"")))
                .hasMessageContaining("position 6 (close time)");
        assertThatThrownBy(
                        () ->
                                WireMapper.candle(
                                        S,
                                        Interval.M1,
                                        BinanceJson.klines(
                                                        "k", KLINE_MS.replace("\"0.3\"", "\"abc\""))
                                                .get(0)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("high");
        assertThatThrownBy(() -> BinanceJson.aggTrades("aggTrades", "[{\"a\":1,\"p\":\"1\"}]"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("aggTrades[0]")
                .hasMessageContaining("'q'");
        assertThatThrownBy(() -> BinanceJson.serverTime("time", "{}"))
                .hasMessageContaining("serverTime");
        assertThatThrownBy(() -> BinanceJson.klines("k", ""))
                .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void errorBodyOnlyForErrorShapes() {
        assertThat(BinanceJson.errorBodyOrNull("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"))
                .isEqualTo(new ErrorBody(-1121, "Invalid symbol."));
        assertThat(BinanceJson.errorBodyOrNull("<html>")).isNull();
        assertThat(BinanceJson.errorBodyOrNull("[]")).isNull();
    }
}
