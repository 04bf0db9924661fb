package io.streamforge.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.binance.DepthUpdate;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WsStreamTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    @Test
    void namesAreLowerCaseWithExactSuffixes() {
        assertThat(WsStream.kline(BTC, Interval.M1).name()).isEqualTo("btcusdt@kline_1m");
        assertThat(WsStream.kline(BTC, Interval.MO1).name()).isEqualTo("btcusdt@kline_1M");
        assertThat(WsStream.aggTrade(BTC).name()).isEqualTo("btcusdt@aggTrade");
        assertThat(WsStream.trade(BTC).name()).isEqualTo("btcusdt@trade");
        assertThat(WsStream.depth(BTC).name()).isEqualTo("btcusdt@depth@100ms");
        for (WsStream s :
                List.of(
                        WsStream.kline(BTC, Interval.S1),
                        WsStream.depth(BTC),
                        WsStream.trade(BTC))) {
            assertThat(WsStream.parse(s.name())).isEqualTo(s);
        }
        assertThatThrownBy(() -> WsStream.parse("BTCUSDT@trade"))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> WsStream.parse("btcusdt@bookTicker"))
                .hasMessageContaining("bookTicker");
        assertThatThrownBy(() -> WsStream.parse("btcusdt@kline_1x")).hasMessageContaining("1x");
    }

    @Test
    void shardingKeepsOrderAndLimit() {
        List<String> names = List.of("a", "b", "c", "d", "e");
        assertThat(BinanceWsFeed.shard(names, 2))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(BinanceWsFeed.shard(names, 1024)).containsExactly(names);
    }

    @Test
    void configRejectsLimitsBinanceWouldRefuse() {
        WsFeedConfig d = WsFeedConfig.defaults("wss://data-stream.binance.vision/");
        assertThat(d.baseUrl()).isEqualTo("wss://data-stream.binance.vision");
        assertThatThrownBy(() -> d.withShardSize(1025)).hasMessageContaining("1..1024");
        assertThatThrownBy(() -> d.withSubscribe(5.0, 10)).hasMessageContaining("(0, 5)");
        assertThatThrownBy(() -> d.withRotation(24L * 3_600_000L, 0)).hasMessageContaining("24 h");
        assertThatThrownBy(() -> WsFeedConfig.defaults("https://x")).hasMessageContaining("ws://");
        WsFeedConfig r = d.withRotation(10_000, 1_000);
        assertThat(r.rotateAfterMs(0)).isEqualTo(10_000);
        assertThat(r.rotateAfterMs(3)).isEqualTo(7_000);
        assertThat(r.rotateAfterMs(9)).isEqualTo(5_000); // never below half the lifetime
        assertThat(d.controlIntervalMs()).isGreaterThan(200);
    }

    private static AggTrade agg(long id) {
        return new AggTrade(
                BTC, id, BigDecimal.ONE, BigDecimal.ONE, id, id, id * 1000, false, true);
    }

    private static KlineUpdate kline(long openMin, boolean closed, long eventMs) {
        long open = openMin * 60_000_000L;
        Candle c =
                new Candle(
                        BTC,
                        Interval.M1,
                        open,
                        Interval.M1.closeTimeOf(open),
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        0,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO);
        return new KlineUpdate(c, closed, eventMs * 1000);
    }

    @Test
    void dedupByIdAndByKlineOpenTimeAndCloseFlag() {
        StreamDedup d = new StreamDedup();
        assertThat(d.accept("a", agg(5))).isTrue();
        assertThat(d.accept("a", agg(5))).isFalse();
        assertThat(d.accept("a", agg(4))).isFalse();
        assertThat(d.accept("b", agg(4))).isTrue(); // streams are independent
        assertThat(d.lastId("a")).isEqualTo(5);
        assertThat(d.lastTimeUs("a")).isEqualTo(5000);
        assertThat(d.lastId("none")).isEqualTo(-1);

        assertThat(d.accept("k", kline(10, false, 1))).isTrue();
        assertThat(d.accept("k", kline(10, false, 1))).isFalse(); // same update twice
        assertThat(d.accept("k", kline(10, false, 3))).isTrue();
        assertThat(d.accept("k", kline(10, true, 4))).isTrue();
        assertThat(d.accept("k", kline(10, true, 4))).isFalse(); // closed one delivered once
        assertThat(d.accept("k", kline(10, false, 2))).isFalse();
        assertThat(d.accept("k", kline(9, true, 5))).isFalse();
        assertThat(d.accept("k", kline(11, false, 6))).isTrue();

        DepthUpdate u = new DepthUpdate(BTC, 1, 10, 12, List.of(), List.of());
        assertThat(d.accept("d", u)).isTrue();
        assertThat(d.accept("d", new DepthUpdate(BTC, 1, 11, 12, List.of(), List.of()))).isFalse();
    }
}
