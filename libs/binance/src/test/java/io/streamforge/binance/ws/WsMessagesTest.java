package io.streamforge.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.binance.DepthSnapshot;
import io.streamforge.binance.DepthUpdate;
import io.streamforge.binance.MalformedResponseException;
import io.streamforge.binance.PriceLevel;
import io.streamforge.binance.Shared;
import io.streamforge.binance.book.LocalOrderBook;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parses real recorded WebSocket messages (../shared/realdata/websocket; skipped when absent). */
class WsMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cryptofeedKlineAndAggTradeMessages() throws Exception {
        List<String> lines =
                Files.readAllLines(
                        Shared.realdata(
                                "websocket/cryptofeed_binance_kline_aggTrade_messages.jsonl"));
        int aggs = 0, klines = 0, closed = 0, unsupportedSymbols = 0;
        for (String line : lines) {
            JsonNode rec = JSON.readTree(line);
            String raw = rec.get("raw").asText();
            WsMessages.Parsed p;
            try {
                p = WsMessages.parse(raw);
            } catch (MalformedResponseException e) {
                // coin-margined futures symbols (BTCUSD_PERP) are outside the spot Symbol type
                assertThat(rec.get("connect_url").asText()).contains("dstream");
                assertThat(e.getMessage()).contains("field 's'");
                unsupportedSymbols++;
                continue;
            }
            assertThat(p.stream()).isEqualTo(JSON.readTree(raw).get("stream").asText());
            if (p.event() instanceof AggTrade a) {
                aggs++;
                assertThat(p.stream()).isEqualTo(a.symbol().lower() + "@aggTrade");
                assertThat(a.price().signum()).isPositive();
            } else {
                KlineUpdate k = (KlineUpdate) p.event();
                klines++;
                if (k.closed()) closed++;
                assertThat(p.stream()).startsWith(k.candle().symbol().lower() + "@kline_");
                assertThat(k.candle().violations()).isEmpty();
                assertThat(k.candle().closeTimeUs())
                        .isEqualTo(k.candle().interval().closeTimeOf(k.candle().openTimeUs()));
            }
        }
        assertThat(aggs + klines + unsupportedSymbols).isEqualTo(lines.size());
        assertThat(unsupportedSymbols).isLessThan(lines.size() / 2);
        assertThat(aggs).isGreaterThan(100);
        assertThat(closed).isEqualTo(9);
    }

    @Test
    void firstRecordedAggTradeAndKlineFieldByField() throws Exception {
        String first =
                "{\"stream\":\"nknusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1633998523963,\"s\":\"NKNUSDT\",\"k\":{\"t\":1633998480000,\"T\":1633998539999,\"s\":\"NKNUSDT\",\"i\":\"1m\",\"f\":19862761,\"L\":19862790,\"o\":\"0.35270000\",\"c\":\"0.35280000\",\"h\":\"0.35280000\",\"l\":\"0.35220000\",\"v\":\"25877.00000000\",\"n\":30,\"x\":false,\"q\":\"9116.04600000\",\"V\":\"58.00000000\",\"Q\":\"20.46240000\",\"B\":\"0\"}}}";
        KlineUpdate k = (KlineUpdate) WsMessages.parse(first).event();
        assertThat(k.closed()).isFalse();
        assertThat(k.eventTimeUs()).isEqualTo(1_633_998_523_963_000L);
        assertThat(k.candle().interval()).isEqualTo(Interval.M1);
        assertThat(k.candle().openTimeUs()).isEqualTo(1_633_998_480_000_000L);
        assertThat(k.candle().low()).isEqualTo(new BigDecimal("0.3522"));
        assertThat(k.candle().tradeCount()).isEqualTo(30);
        assertThat(k.candle().takerBuyQuoteVolume()).isEqualTo(new BigDecimal("20.4624"));
    }

    @Test
    void nautilusTradeAndAggTradeWithExtraFields() throws Exception {
        WsMessages.Parsed t =
                WsMessages.parse(
                        Files.readString(Shared.realdata("websocket/nautilus_ws_spot_trade.json")));
        Trade trade = (Trade) t.event();
        assertThat(t.stream()).isEqualTo("ethusdt@trade");
        assertThat(trade.tradeId()).isEqualTo(705291099L);
        assertThat(trade.price()).isEqualTo(new BigDecimal("4149.74"));
        assertThat(trade.quoteQty())
                .isEqualTo(new BigDecimal("4149.74").multiply(new BigDecimal("0.4387")));
        assertThat(trade.timeUs()).isEqualTo(1_639_351_062_243_000L);
        assertThat(trade.buyerMaker()).isTrue();
        AggTrade a =
                (AggTrade)
                        WsMessages.parse(
                                        Files.readString(
                                                Shared.realdata(
                                                        "websocket/nautilus_ws_spot_agg_trade.json")))
                                .event();
        assertThat(a.aggId()).isEqualTo(226532L);
        assertThat(a.firstTradeId()).isEqualTo(228423L);
        // a ticker is not a market stream we handle: no event, no error
        assertThat(
                        WsMessages.parse(
                                        Files.readString(
                                                Shared.realdata(
                                                        "websocket/nautilus_ws_spot_ticker_24hr.json")))
                                .event())
                .isNull();
    }

    /** 177 real depthUpdate events: parsed, continuous per symbol, and kept by a local book. */
    @Test
    void recordedDepthUpdatesAreContinuousAndMaintainABook() throws Exception {
        List<String> lines =
                Files.readAllLines(Shared.realdata("websocket/cryptofeed_BINANCE.ws.1.0.txt"));
        Map<Symbol, List<DepthUpdate>> bySymbol = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String json = line.substring(line.indexOf(": ") + 2);
            Object ev = WsMessages.parse(json).event();
            if (ev instanceof DepthUpdate d) {
                bySymbol.computeIfAbsent(d.symbol(), s -> new ArrayList<>()).add(d);
            }
        }
        assertThat(bySymbol.values().stream().mapToInt(List::size).sum()).isEqualTo(177);
        for (List<DepthUpdate> ups : bySymbol.values()) {
            DepthUpdate first = ups.get(0);
            List<DepthSnapshot> emitted = new ArrayList<>();
            LocalOrderBook book =
                    new LocalOrderBook(
                            first.symbol(),
                            s -> new DepthSnapshot(s, first.firstUpdateId(), List.of(), List.of()),
                            new LocalOrderBook.Listener() {
                                @Override
                                public void onSnapshot(DepthSnapshot b) {
                                    emitted.add(b);
                                }
                            });
            for (DepthUpdate u : ups) {
                book.onUpdate(u);
            }
            assertThat(book.gaps()).as("gaps in %s", first.symbol()).isZero();
            assertThat(book.lastUpdateId()).isEqualTo(ups.get(ups.size() - 1).finalUpdateId());
            assertThat(emitted).hasSize(1);
            for (PriceLevel l : book.bids(1000)) assertThat(l.qty().signum()).isPositive();
            if (!book.bids(1).isEmpty() && !book.asks(1).isEmpty()) {
                assertThat(book.bids(1).get(0).price()).isLessThan(book.asks(1).get(0).price());
            }
        }
    }

    @Test
    void controlRepliesAndServerShutdown() {
        assertThat(WsMessages.parse("{\"result\":null,\"id\":7}").event())
                .isEqualTo(new WsMessages.ControlReply(7, 0, null));
        WsMessages.ControlReply err =
                (WsMessages.ControlReply)
                        WsMessages.parse(
                                        "{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":3}")
                                .event();
        assertThat(err.ok()).isFalse();
        assertThat(err.errorCode()).isEqualTo(2);
        assertThat(WsMessages.parse("{\"e\":\"serverShutdown\",\"E\":1700000000000}").event())
                .isEqualTo(new WsMessages.ServerShutdown(1_700_000_000_000_000L));
    }

    @Test
    void malformedMessagesNameTheProblem() {
        assertThatThrownBy(() -> WsMessages.parse("not json"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(
                        () ->
                                WsMessages.parse(
                                        "{\"stream\":\"x@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1}}"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("a=1");
        assertThatThrownBy(
                        () ->
                                WsMessages.parse(
                                        "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":5,\"b\":[],\"a\":[]}"))
                .hasMessageContaining("'u'");
        assertThatThrownBy(
                        () ->
                                WsMessages.parse(
                                        "{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{\"i\":\"1x\"}}"))
                .hasMessageContaining("invalid interval '1x'");
    }
}
