package io.streamforge.binance.ws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamforge.binance.wire.AggTradeDto;
import io.streamforge.binance.wire.TradeDto;
import io.streamforge.binance.wire.WireMapper;
import io.streamforge.domain.Symbol;
import java.io.IOException;

/**
 * The fast path of {@link WsMessages#parse} for the two high-rate events, {@code aggTrade} and
 * {@code trade} (combined or raw): one pass of Jackson's streaming parser into the fields those
 * events have, then the same {@link WireMapper} as the general path — no JSON tree, no tree-to-bean
 * binding (those were ¾ of the feed's parse time, ADR 3451).
 *
 * <p>It only takes the canonical shape: scalar fields of the expected JSON types, nothing nested
 * but the combined form's {@code data} object, no control reply. For anything else — another event,
 * a missing field, a string where a number belongs, bad JSON, a value the mapper rejects — it
 * answers null and the general path parses the message, so results and error messages stay the
 * general path's.
 */
final class WsTradeFastPath {
    private static final JsonFactory JSON = new JsonFactory();

    private static final int E = 1, S = 2, A = 4, P = 8, Q = 16, F = 32, L = 64, T_ID = 128;
    private static final int TIME = 256, MAKER = 512, BEST = 1024;
    private static final int AGG_TRADE = E | S | A | P | Q | F | L | TIME | MAKER;
    private static final int TRADE = E | S | T_ID | P | Q | TIME | MAKER;

    /** The scalar fields of one object level; {@code seen} has a bit per field read. */
    private static final class Fields {
        int seen;
        String e, s, p, q;
        long a, f, l, t, time;
        boolean maker, best;
    }

    private WsTradeFastPath() {}

    /** The parsed aggTrade or trade message, or null when the general path must parse it. */
    static WsMessages.Parsed tryParse(String text) {
        if (text == null) {
            return null;
        }
        try (JsonParser p = JSON.createParser(text)) {
            return message(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static WsMessages.Parsed message(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Fields root = new Fields();
        Fields data = null;
        String stream = null;
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("data")) {
                data = new Fields();
                if (value != JsonToken.START_OBJECT || !object(p, data)) return null;
            } else if (name.equals("stream")) {
                if (value != JsonToken.VALUE_STRING) return null;
                stream = p.getText();
            } else if (!field(p, name, value, root)) {
                return null;
            }
        }
        if (token != JsonToken.END_OBJECT) {
            return null;
        }
        boolean combined = stream != null && data != null;
        Object event = event(combined ? data : root);
        return event == null ? null : new WsMessages.Parsed(combined ? stream : null, event);
    }

    /** Reads the rest of an object whose START_OBJECT was read; false when it is not canonical. */
    private static boolean object(JsonParser p, Fields into) throws IOException {
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!field(p, name, p.nextToken(), into)) return false;
        }
        return token == JsonToken.END_OBJECT;
    }

    /** Stores one field's value; false when its type is not the expected one. */
    private static boolean field(JsonParser p, String name, JsonToken v, Fields f)
            throws IOException {
        switch (name) {
            case "e" -> f.e = string(p, v, f, E);
            case "s" -> f.s = string(p, v, f, S);
            case "p" -> f.p = string(p, v, f, P);
            case "q" -> f.q = string(p, v, f, Q);
            case "a" -> f.a = number(p, v, f, A);
            case "f" -> f.f = number(p, v, f, F);
            case "l" -> f.l = number(p, v, f, L);
            case "t" -> f.t = number(p, v, f, T_ID);
            case "T" -> f.time = number(p, v, f, TIME);
            case "m" -> f.maker = bool(v, f, MAKER);
            case "M" -> f.best = bool(v, f, BEST);
            case "id", "result", "error", "code" -> f.seen = -1; // a control reply
            default -> {
                if (v.isStructStart()) f.seen = -1; // nested: kline, depth, ...
            }
        }
        return f.seen >= 0;
    }

    private static String string(JsonParser p, JsonToken v, Fields f, int bit) throws IOException {
        f.seen = v == JsonToken.VALUE_STRING ? f.seen | bit : -1;
        return f.seen < 0 ? null : p.getText();
    }

    private static long number(JsonParser p, JsonToken v, Fields f, int bit) throws IOException {
        boolean ok =
                v == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
        f.seen = ok ? f.seen | bit : -1;
        return ok ? p.getLongValue() : 0;
    }

    private static boolean bool(JsonToken v, Fields f, int bit) {
        f.seen = v.isBoolean() ? f.seen | bit : -1;
        return v == JsonToken.VALUE_TRUE;
    }

    private static Object event(Fields d) {
        if (d.seen < 0 || d.e == null) {
            return null;
        }
        Boolean best = (d.seen & BEST) != 0 ? d.best : null;
        if (d.e.equals("aggTrade") && (d.seen & AGG_TRADE) == AGG_TRADE) {
            return WireMapper.aggTrade(
                    Symbol.of(d.s),
                    new AggTradeDto(d.a, d.p, d.q, d.f, d.l, d.time, d.maker, best));
        }
        if (d.e.equals("trade") && (d.seen & TRADE) == TRADE) {
            return WireMapper.trade(
                    Symbol.of(d.s), new TradeDto(d.t, d.p, d.q, null, d.time, d.maker, best));
        }
        return null;
    }
}
