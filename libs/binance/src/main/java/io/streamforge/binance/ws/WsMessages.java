package io.streamforge.binance.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.streamforge.binance.DepthUpdate;
import io.streamforge.binance.MalformedResponseException;
import io.streamforge.binance.wire.AggTradeDto;
import io.streamforge.binance.wire.BinanceJson;
import io.streamforge.binance.wire.KlineDto;
import io.streamforge.binance.wire.TradeDto;
import io.streamforge.binance.wire.WireMapper;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import java.util.List;

/**
 * Parses WebSocket text frames: combined ({@code {"stream":..,"data":{..}}}) or raw payloads of
 * {@code aggTrade}, {@code trade}, {@code kline}, {@code depthUpdate}, {@code serverShutdown}, and
 * control replies. Unknown fields are ignored; unknown event types parse to a null event; missing
 * mandatory fields are errors naming the field. aggTrade and trade messages in their canonical
 * shape take a streaming fast path ({@link WsTradeFastPath}) with the same results. Also writes the
 * one control message the feed sends, {@link #subscribe}.
 */
public final class WsMessages {
    /**
     * {@code event} is an AggTrade, Trade, KlineUpdate, DepthUpdate, ServerShutdown, ControlReply
     * or null.
     */
    public record Parsed(String stream, Object event) {}

    public record ServerShutdown(long eventTimeUs) {}

    /**
     * Answer to a control message; {@code errorCode} 0 and {@code errorMsg} null when it worked.
     */
    public record ControlReply(long id, int errorCode, String errorMsg) {
        public boolean ok() {
            return errorMsg == null;
        }
    }

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build();

    private WsMessages() {}

    public static Parsed parse(String text) {
        Parsed fast = WsTradeFastPath.tryParse(text);
        return fast != null ? fast : parseTree(text);
    }

    /** The general path: a JSON tree; every shape, every error message. */
    /** The SUBSCRIBE control message for {@code streams} with request id {@code id}. */
    static String subscribe(List<String> streams, long id) {
        StringBuilder sb = new StringBuilder("{\"method\":\"SUBSCRIBE\",\"params\":[");
        for (int i = 0; i < streams.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(streams.get(i)).append('"');
        }
        return sb.append("],\"id\":").append(id).append('}').toString();
    }

    static Parsed parseTree(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("ws message: malformed JSON: " + excerpt(text), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException(
                    "ws message: expected an object: " + excerpt(text), null);
        }
        if (root.has("id") && (root.has("result") || root.has("error") || root.has("code"))) {
            return new Parsed(null, reply(root));
        }
        String stream = null;
        JsonNode data = root;
        if (root.has("stream") && root.has("data")) {
            stream = root.get("stream").asText();
            data = root.get("data");
        }
        return new Parsed(stream, event(stream == null ? "ws" : stream, data));
    }

    private static ControlReply reply(JsonNode root) {
        long id = root.path("id").asLong(-1);
        JsonNode err = root.has("error") ? root.get("error") : root.has("code") ? root : null;
        if (err == null || err.isNull()) {
            return new ControlReply(id, 0, null);
        }
        return new ControlReply(id, err.path("code").asInt(-1), err.path("msg").asText("error"));
    }

    private static Object event(String where, JsonNode d) {
        String e = d.path("e").asText("");
        switch (e) {
            case "aggTrade":
                return WireMapper.aggTrade(symbol(where, d), dto(where, d, AggTradeDto.class));
            case "trade":
                return WireMapper.trade(
                        symbol(where, d),
                        new TradeDto(
                                num(where, d, "t"),
                                text(where, d, "p"),
                                text(where, d, "q"),
                                null,
                                num(where, d, "T"),
                                bool(where, d, "m"),
                                d.has("M") ? d.get("M").asBoolean() : null));
            case "kline":
                return kline(where, d);
            case "depthUpdate":
                return new DepthUpdate(
                        symbol(where, d),
                        Micros.fromMsOrUs(num(where, d, "E")),
                        num(where, d, "U"),
                        num(where, d, "u"),
                        BinanceJson.levels(where + " b", d.get("b")),
                        BinanceJson.levels(where + " a", d.get("a")));
            case "serverShutdown":
                return new ServerShutdown(Micros.fromMsOrUs(num(where, d, "E")));
            default:
                return null;
        }
    }

    private static KlineUpdate kline(String where, JsonNode d) {
        JsonNode k = d.get("k");
        if (k == null || !k.isObject()) {
            throw new MalformedResponseException(where + ": kline field 'k' is missing", null);
        }
        String w = where + " k";
        Interval interval;
        try {
            interval = Interval.of(text(w, k, "i"));
        } catch (IllegalArgumentException ex) {
            throw new MalformedResponseException(w + ": " + ex.getMessage(), ex);
        }
        KlineDto dto =
                new KlineDto(
                        num(w, k, "t"),
                        text(w, k, "o"),
                        text(w, k, "h"),
                        text(w, k, "l"),
                        text(w, k, "c"),
                        text(w, k, "v"),
                        num(w, k, "T"),
                        text(w, k, "q"),
                        num(w, k, "n"),
                        text(w, k, "V"),
                        text(w, k, "Q"));
        return new KlineUpdate(
                WireMapper.candle(symbol(where, d), interval, dto),
                bool(w, k, "x"),
                Micros.fromMsOrUs(num(where, d, "E")));
    }

    private static <T> T dto(String where, JsonNode d, Class<T> type) {
        try {
            return MAPPER.treeToValue(d, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedResponseException(
                    where + ": unexpected shape: " + e.getMessage(), e);
        }
    }

    private static Symbol symbol(String where, JsonNode d) {
        try {
            return Symbol.of(text(where, d, "s"));
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException(where + ": field 's': " + e.getMessage(), e);
        }
    }

    private static long num(String where, JsonNode d, String f) {
        JsonNode n = d.get(f);
        if (n == null || !n.isIntegralNumber()) {
            throw new MalformedResponseException(
                    where + ": field '" + f + "' missing or not an integer", null);
        }
        return n.asLong();
    }

    private static String text(String where, JsonNode d, String f) {
        JsonNode n = d.get(f);
        if (n == null || !(n.isTextual() || n.isNumber())) {
            throw new MalformedResponseException(where + ": field '" + f + "' missing", null);
        }
        return n.asText();
    }

    private static boolean bool(String where, JsonNode d, String f) {
        JsonNode n = d.get(f);
        if (n == null || !n.isBoolean()) {
            throw new MalformedResponseException(
                    where + ": field '" + f + "' missing or not a boolean", null);
        }
        return n.asBoolean();
    }

    private static String excerpt(String s) {
        String t = String.valueOf(s);
        return t.length() <= 120 ? t : t.substring(0, 120) + "...";
    }
}
