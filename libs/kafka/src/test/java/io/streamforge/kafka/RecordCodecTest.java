package io.streamforge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    static Candle candle() {
        long open = 1_704_067_200_000_000L;
        return new Candle(
                BTC,
                Interval.M1,
                open,
                Interval.M1.closeTimeOf(open),
                new BigDecimal("42000.01000000"),
                new BigDecimal("42100.5"),
                new BigDecimal("41999.99"),
                new BigDecimal("42050"),
                new BigDecimal("12.34567891"),
                new BigDecimal("518765.123456789012345"),
                321,
                new BigDecimal("6.1"),
                new BigDecimal("256000.0001"));
    }

    @Test
    void candleRoundTripIsExactAndKeepsTheKey() {
        Candle c = candle();
        byte[] bytes = RecordCodec.encode(c);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"open\":\"42000.01\"")
                .contains("\"open_time_us\":1704067200000000");
        assertThat(json).contains("\"key\":\"BINANCE:SPOT:BTCUSDT:1m:1704067200000000\"");
        DataMessage m = RecordCodec.decode(bytes);
        assertThat(m).isEqualTo(new DataMessage.Data(c));
    }

    @Test
    void aggTradeAndTradeRoundTrip() {
        AggTrade invalidated =
                new AggTrade(
                        BTC,
                        7,
                        BigDecimal.ZERO,
                        new BigDecimal("0.000"),
                        -1,
                        -1,
                        1_000_000L,
                        true,
                        true);
        assertThat(RecordCodec.decode(RecordCodec.encode(invalidated)))
                .isEqualTo(new DataMessage.Data(invalidated));
        assertThat(new String(RecordCodec.encode(invalidated), StandardCharsets.UTF_8))
                .contains("\"invalidated\":true");
        Trade t =
                new Trade(
                        BTC,
                        99,
                        new BigDecimal("0.00000001"),
                        new BigDecimal("5"),
                        new BigDecimal("5E-8"),
                        5L,
                        false,
                        true);
        assertThat(RecordCodec.decode(RecordCodec.encode(t))).isEqualTo(new DataMessage.Data(t));
    }

    @Test
    void endOfStreamRoundTrip() {
        var eos = new DataMessage.EndOfStream("loader-api-candles__abc123", 2, 500, 77);
        assertThat(RecordCodec.decode(RecordCodec.encode(eos))).isEqualTo(eos);
    }

    @Test
    void coverageFactsRoundTripWithIdsAndQueue() {
        var k1 = io.streamforge.domain.coverage.CoverageKey.klines(BTC, Interval.M1);
        var k2 = io.streamforge.domain.coverage.CoverageKey.aggTrades(BTC);
        var r = new io.streamforge.domain.TimeRange(1_000_000L, 61_000_000L);
        var cov =
                new DataMessage.Coverage(
                        "loader-api-candles__abc123",
                        List.of(
                                new io.streamforge.domain.coverage.Received(
                                        k1, r, io.streamforge.domain.coverage.Source.DUMP, "q-1")),
                        List.of(
                                io.streamforge.domain.coverage.Gap.missing(k1, r, "no kline", "q-1")
                                        .with(
                                                io.streamforge.domain.coverage.GapStatus.EXPECTED,
                                                "rest has no data"),
                                new io.streamforge.domain.coverage.Gap(
                                        k2,
                                        r,
                                        io.streamforge.domain.coverage.GapStatus.MISSING,
                                        "2 ids",
                                        new io.streamforge.domain.coverage.IdRange(5, 6),
                                        "")));
        assertThat(RecordCodec.decode(RecordCodec.encode(cov))).isEqualTo(cov);
    }

    @Test
    void badCoverageFactsNameTheField() {
        String base =
                "{\"v\":1,\"kind\":\"coverage\",\"producer\":\"p\",\"gaps\":[],\"received\":[{\"symbol\":\"BTCUSDT\","
                        + "\"stream\":\"klines\",\"interval\":\"1m\",\"start_us\":5,\"end_us\":END,"
                        + "\"source\":\"SRC\",\"queue_id\":\"q\"}]}";
        assertThatThrownBy(() -> decode(base.replace("END", "5").replace("SRC", "rest")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("received[0].end_us: 5 is not after start_us 5");
        assertThatThrownBy(() -> decode(base.replace("END", "9").replace("SRC", "ftp")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("invalid source 'ftp'");
        assertThatThrownBy(
                        () ->
                                decode(
                                        base.replace("END", "9")
                                                .replace("SRC", "rest")
                                                .replace("\"1m\"", "\"\"")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("received[0].key: coverage key: klines need an interval");
        assertThatThrownBy(
                        () -> decode("{\"kind\":\"coverage\",\"producer\":\"p\",\"received\":{}}"))
                .hasMessageContaining("received: expected an array");
    }

    private static DataMessage decode(String json) {
        return RecordCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badMessagesNameTheProblem() {
        assertThatThrownBy(() -> RecordCodec.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> RecordCodec.decode(new byte[0])).hasMessageContaining("empty");
        String noPrice =
                "{\"v\":1,\"kind\":\"agg_trade\",\"symbol\":\"BTCUSDT\",\"agg_id\":1,\"qty\":\"1\","
                        + "\"first_trade_id\":1,\"last_trade_id\":1,\"time_us\":1,\"buyer_maker\":true,\"best_match\":true}";
        assertThatThrownBy(() -> RecordCodec.decode(noPrice.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("price: missing");
        String numericPrice = noPrice.replace("\"qty\":\"1\"", "\"qty\":\"1\",\"price\":1.5");
        assertThatThrownBy(() -> RecordCodec.decode(numericPrice.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("price: decimals travel as strings");
        String badKind = "{\"v\":1,\"kind\":\"order\"}";
        assertThatThrownBy(() -> RecordCodec.decode(badKind.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("kind: unknown 'order'");
    }

    @Test
    void candleThatBreaksItsEnvelopeIsRejected() {
        String json =
                new String(RecordCodec.encode(candle()), StandardCharsets.UTF_8)
                        .replace("\"high\":\"42100.5\"", "\"high\":\"1\"");
        assertThatThrownBy(() -> RecordCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("high < low");
    }

    @Test
    void forgedKeyIsRejected() {
        String json =
                new String(RecordCodec.encode(candle()), StandardCharsets.UTF_8)
                        .replace("1m:1704067200000000\"", "1m:1\"");
        assertThatThrownBy(() -> RecordCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("does not match record");
    }

    @Test
    void wrongTypesNullsNestingAndTruncationNameTheField() {
        String ok = new String(RecordCodec.encode(candle()), StandardCharsets.UTF_8);
        assertThat(decode(ok)).isEqualTo(new DataMessage.Data(candle()));
        assertThatThrownBy(() -> decode(ok.replace("\"trade_count\":321", "\"trade_count\":3.5")))
                .hasMessage("trade_count: expected an integer");
        assertThatThrownBy(
                        () ->
                                decode(
                                        ok.replace(
                                                "\"trade_count\":321",
                                                "\"trade_count\":123456789012345678901234567890")))
                .hasMessage("trade_count: expected an integer");
        assertThatThrownBy(() -> decode(ok.replace("\"trade_count\":321", "\"trade_count\":null")))
                .hasMessage("trade_count: missing");
        assertThatThrownBy(
                        () ->
                                decode(
                                        ok.replace(
                                                "\"trade_count\":321",
                                                "\"trade_count\":{\"a\":1}")))
                .hasMessage("trade_count: expected an integer");
        assertThatThrownBy(() -> decode(ok.replace("\"symbol\":\"BTCUSDT\"", "\"symbol\":[1]")))
                .hasMessage("symbol: expected a string");
        assertThatThrownBy(() -> decode(ok.substring(0, ok.length() - 20)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> decode("[1,2]")).hasMessage("message is not a JSON object");
        // unknown fields are ignored, as before
        assertThat(decode(ok.replace("{\"v\":1,", "{\"v\":1,\"extra\":{\"x\":[1,2]},")))
                .isEqualTo(new DataMessage.Data(candle()));
    }

    @Test
    void theReusedGeneratorWritesEachRecordOnItsOwnAndSurvivesAFailure() {
        byte[] first = RecordCodec.encode(candle());
        byte[] second = RecordCodec.encode(candle());
        assertThat(second).isEqualTo(first); // no root separator, no leftovers
        assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("{").endsWith("}");
        assertThatThrownBy(() -> RecordCodec.encode((MarketRecord) null))
                .isInstanceOf(NullPointerException.class);
        assertThat(RecordCodec.encode(candle())).isEqualTo(first);
    }
}
