package io.streamforge.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.binance.MalformedResponseException;
import io.streamforge.binance.Shared;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Trade;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path gives exactly what the tree path gives, or leaves the message to it: over
 * every recorded real message and over spellings that must fall back.
 */
class WsTradeFastPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGG =
            "{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\",\"a\":5,\"p\":\"62345.67000000\","
                    + "\"q\":\"0.01234000\",\"f\":7,\"l\":9,\"T\":1709251200000000,\"m\":false,\"M\":true}";
    private static final String TRADE =
            "{\"e\":\"trade\",\"E\":1,\"s\":\"ETHUSDT\",\"t\":12,\"p\":\"4149.74\",\"q\":\"0.4387\","
                    + "\"T\":1639351062243,\"m\":true,\"M\":true}";

    @Test
    void recordedMessagesGiveWhatTheTreePathGives() throws Exception {
        List<String> messages = new ArrayList<>();
        for (String line :
                Files.readAllLines(
                        Shared.realdata(
                                "websocket/cryptofeed_binance_kline_aggTrade_messages.jsonl"))) {
            messages.add(JSON.readTree(line).get("raw").asText());
        }
        List<String> depth =
                Files.readAllLines(Shared.realdata("websocket/cryptofeed_BINANCE.ws.1.0.txt"));
        for (String line : depth.subList(1, depth.size())) {
            if (!line.isBlank()) messages.add(line.substring(line.indexOf(": ") + 2));
        }
        for (String f :
                List.of(
                        "nautilus_ws_spot_agg_trade.json",
                        "nautilus_ws_spot_trade.json",
                        "nautilus_ws_spot_ticker_24hr.json",
                        "nautilus_ws_spot_ticker_book.json")) {
            messages.add(Files.readString(Shared.realdata("websocket/" + f)));
        }
        int fast = 0;
        for (String m : messages) {
            fast += sameAsTree(m) ? 1 : 0;
        }
        // every aggTrade and trade of a spot symbol takes the fast path (futures symbols fall back)
        assertThat(fast).isGreaterThan(100);
    }

    @Test
    void canonicalShapesTakeTheFastPath() {
        assertThat(sameAsTree(AGG)).isTrue();
        assertThat(sameAsTree(TRADE)).isTrue();
        assertThat(sameAsTree("{\"stream\":\"btcusdt@aggTrade\",\"data\":" + AGG + "}")).isTrue();
        assertThat(sameAsTree(AGG.replace(",\"M\":true", ""))).isTrue(); // M optional
        assertThat(sameAsTree(TRADE.replace(",\"M\":true", ""))).isTrue();
        assertThat(sameAsTree(AGG.replace("\"E\":1,", "\"x\":null,\"y\":\"z\",\"E\":1,"))).isTrue();
        assertThat(sameAsTree("{\"data\":{\"x\":1}," + AGG.substring(1)))
                .isTrue(); // raw: data ignored
        AggTrade a = (AggTrade) WsTradeFastPath.tryParse(AGG).event();
        assertThat(a.price()).isEqualByComparingTo("62345.67");
        assertThat(a.price().scale()).isEqualTo(2);
        assertThat(a.timeUs()).isEqualTo(1_709_251_200_000_000L);
        Trade t = (Trade) WsTradeFastPath.tryParse(TRADE).event();
        assertThat(t.timeUs()).isEqualTo(1_639_351_062_243_000L);
    }

    @Test
    void otherShapesFallBackToTheTreePath() {
        for (String m :
                List.of(
                        AGG.replace("\"a\":5", "\"a\":\"5\""), // string id: the tree coerces it
                        AGG.replace("\"p\":\"62345.67000000\"", "\"p\":62345.67"), // number price
                        AGG.replace("\"M\":true", "\"M\":null"),
                        AGG.replace("\"M\":true", "\"M\":1"),
                        AGG.replace("\"a\":5", "\"a\":123456789012345678901234"),
                        AGG.replace("\"f\":7,", ""), // missing field: the tree's error
                        AGG.replace("\"s\":\"BTCUSDT\"", "\"s\":\"BTCUSD_PERP\""), // bad symbol
                        AGG.replace("\"E\":1,", "\"E\":1,\"x\":{\"y\":1},"), // nested
                        "{\"stream\":5,\"data\":" + AGG + "}",
                        "{\"stream\":\"s\",\"data\":[" + AGG + "]}",
                        "{\"result\":null,\"id\":7}",
                        "{\"e\":\"serverShutdown\",\"E\":1700000000000}",
                        "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"b\":[],\"a\":[]}",
                        "not json",
                        AGG.substring(0, AGG.length() - 5),
                        "")) {
            assertThat(WsTradeFastPath.tryParse(m)).as(m).isNull();
        }
        assertThatThrownBy(() -> WsMessages.parse(AGG.replace("\"f\":7,", "")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("a=5");
        assertThatThrownBy(() -> WsMessages.parse(AGG.replace("BTCUSDT", "BTCUSD_PERP")))
                .hasMessageContaining("field 's'");
        assertThat(
                        ((AggTrade) WsMessages.parse(AGG.replace("\"a\":5", "\"a\":\"5\"")).event())
                                .aggId())
                .isEqualTo(5);
    }

    /**
     * True when the fast path took {@code m}; either way {@link WsMessages#parse} equals the tree.
     */
    private static boolean sameAsTree(String m) {
        WsMessages.Parsed fast = WsTradeFastPath.tryParse(m);
        WsMessages.Parsed tree;
        try {
            tree = WsMessages.parseTree(m);
        } catch (MalformedResponseException e) {
            assertThat(fast).as(m).isNull();
            return false;
        }
        if (fast != null) {
            assertThat(fast).as(m).isEqualTo(tree);
            Object ev = fast.event();
            if (ev instanceof AggTrade a) {
                AggTrade b = (AggTrade) tree.event();
                assertThat(a.price().scale()).isEqualTo(b.price().scale());
                assertThat(a.qty().scale()).isEqualTo(b.qty().scale());
            }
        }
        assertThat(WsMessages.parse(m)).as(m).isEqualTo(tree);
        return fast != null;
    }
}
