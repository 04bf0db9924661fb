package io.streamforge.binance.wire;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.streamforge.binance.DepthSnapshot;
import io.streamforge.binance.MalformedResponseException;
import io.streamforge.binance.PriceLevel;
import io.streamforge.domain.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses Binance REST bodies into wire DTOs. Unknown fields are ignored; any shape problem becomes
 * a {@link MalformedResponseException} whose message names the source and the offending part.
 */
public final class BinanceJson {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build();
    private static final int KLINE_FIELDS = 11;
    private static final int EXCERPT = 120;

    private BinanceJson() {}

    public static List<KlineDto> klines(String source, String body) {
        JsonNode root = array(source, body);
        List<KlineDto> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            out.add(kline(source + "[" + i + "]", root.get(i)));
        }
        return out;
    }

    public static List<AggTradeDto> aggTrades(String source, String body) {
        List<AggTradeDto> out = Arrays.asList(read(source, body, AggTradeDto[].class));
        for (int i = 0; i < out.size(); i++) {
            AggTradeDto t = out.get(i);
            need(source, i, "a", t.aggId());
            need(source, i, "p", t.price());
            need(source, i, "q", t.qty());
            need(source, i, "f", t.firstTradeId());
            need(source, i, "l", t.lastTradeId());
            need(source, i, "T", t.time());
            need(source, i, "m", t.buyerMaker());
        }
        return out;
    }

    public static List<TradeDto> trades(String source, String body) {
        List<TradeDto> out = Arrays.asList(read(source, body, TradeDto[].class));
        for (int i = 0; i < out.size(); i++) {
            TradeDto t = out.get(i);
            need(source, i, "id", t.id());
            need(source, i, "price", t.price());
            need(source, i, "qty", t.qty());
            need(source, i, "time", t.time());
            need(source, i, "isBuyerMaker", t.isBuyerMaker());
        }
        return out;
    }

    public static ExchangeInfo exchangeInfo(String source, String body) {
        return read(source, body, ExchangeInfo.class);
    }

    /** {@code {"lastUpdateId": n, "bids": [["price","qty"],..], "asks": [..]}}. */
    public static DepthSnapshot depth(Symbol symbol, String source, String body) {
        JsonNode n = tree(source, body);
        JsonNode id = n.get("lastUpdateId");
        if (id == null || !id.isIntegralNumber()) {
            throw malformed(source, "missing integer field lastUpdateId", body, null);
        }
        return new DepthSnapshot(
                symbol,
                id.asLong(),
                levels(source + " bids", n.get("bids")),
                levels(source + " asks", n.get("asks")));
    }

    /** {@code [["price","qty"], ...]} → levels; errors name the side and index. */
    public static List<PriceLevel> levels(String where, JsonNode side) {
        if (side == null || !side.isArray()) {
            throw new MalformedResponseException(where + ": expected an array of levels", null);
        }
        List<PriceLevel> out = new ArrayList<>(side.size());
        for (int i = 0; i < side.size(); i++) {
            JsonNode l = side.get(i);
            if (!l.isArray() || l.size() < 2) {
                throw new MalformedResponseException(
                        where + "[" + i + "]: expected [price, qty], got " + excerpt(l), null);
            }
            try {
                out.add(PriceLevel.parse(l.get(0).asText(), l.get(1).asText()));
            } catch (IllegalArgumentException e) {
                throw new MalformedResponseException(where + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Parses {@code {"code":..,"msg":..}}; returns null when the body is not such an object. */
    public static ErrorBody errorBodyOrNull(String body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || !n.isObject() || !n.has("msg")) {
                return null;
            }
            return MAPPER.treeToValue(n, ErrorBody.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code {"serverTime": 1633835466289}}. */
    public static long serverTime(String source, String body) {
        JsonNode n = tree(source, body);
        JsonNode t = n.get("serverTime");
        if (t == null || !t.canConvertToLong() || !t.isIntegralNumber()) {
            throw malformed(source, "missing integer field serverTime", body, null);
        }
        return t.asLong();
    }

    private static KlineDto kline(String where, JsonNode a) {
        if (a == null || !a.isArray() || a.size() < KLINE_FIELDS) {
            throw new MalformedResponseException(
                    where + ": expected a kline array of 12 fields, got " + excerpt(a), null);
        }
        return new KlineDto(
                integer(where, a, 0, "open time"),
                text(where, a, 1, "open"),
                text(where, a, 2, "high"),
                text(where, a, 3, "low"),
                text(where, a, 4, "close"),
                text(where, a, 5, "volume"),
                integer(where, a, 6, "close time"),
                text(where, a, 7, "quote volume"),
                integer(where, a, 8, "trade count"),
                text(where, a, 9, "taker buy base volume"),
                text(where, a, 10, "taker buy quote volume"));
    }

    private static long integer(String where, JsonNode a, int i, String name) {
        JsonNode n = a.get(i);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new MalformedResponseException(
                    where + " position " + i + " (" + name + "): expected an integer, got " + n,
                    null);
        }
        return n.asLong();
    }

    private static String text(String where, JsonNode a, int i, String name) {
        JsonNode n = a.get(i);
        if (n == null || !(n.isTextual() || n.isNumber())) {
            throw new MalformedResponseException(
                    where + " position " + i + " (" + name + "): expected a decimal, got " + n,
                    null);
        }
        return n.asText();
    }

    private static void need(String source, int index, String field, Object value) {
        if (value == null) {
            throw new MalformedResponseException(
                    source + "[" + index + "]: field '" + field + "' is missing or null", null);
        }
    }

    private static JsonNode array(String source, String body) {
        JsonNode n = tree(source, body);
        if (!n.isArray()) {
            throw malformed(source, "expected a JSON array", body, null);
        }
        return n;
    }

    private static JsonNode tree(String source, String body) {
        try {
            JsonNode n = MAPPER.readTree(body == null ? "" : body);
            if (n == null || n.isMissingNode()) {
                throw malformed(source, "empty body", body, null);
            }
            return n;
        } catch (JsonProcessingException e) {
            throw malformed(source, "malformed JSON", body, e);
        }
    }

    /** Binds the body straight to {@code type} (no intermediate tree: this is the hot path). */
    private static <T> T read(String source, String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw malformed(source, "empty body", body, null);
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonParseException e) {
            throw malformed(source, "malformed JSON", body, e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw malformed(source, "unexpected shape for " + type.getSimpleName(), body, e);
        }
    }

    private static MalformedResponseException malformed(
            String source, String what, String body, Throwable cause) {
        return new MalformedResponseException(
                source + ": " + what + " (body starts: " + excerpt(body) + ")", cause);
    }

    private static String excerpt(Object o) {
        String s = String.valueOf(o);
        return s.length() <= EXCERPT ? s : s.substring(0, EXCERPT) + "...";
    }
}
