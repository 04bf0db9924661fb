package io.streamforge.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Decimals;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.io.IOException;

/**
 * The fast path of {@link RecordCodec#decode} for candles, aggTrades and trades exactly as {@link
 * RecordCodec#encode} writes them: the fields in the encoder's order, matched against pre-encoded
 * names ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}) and read
 * straight into the record — no map of fields, no per-field name lookup (the map was most of the
 * connector's decoding time, ADR 3451).
 *
 * <p>Anything else — another field order, a missing, extra, repeated or null field, another type,
 * another version, a key that does not match, a value the domain rejects, bad JSON, end-of-stream
 * and coverage messages — answers null, and the general path decodes the message, so the results
 * and the error messages stay the general path's.
 */
final class RecordFastDecoder {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    /** One message's values by position in its layout. */
    private static final class Values {
        final String[] text;
        final long[] num;
        final boolean[] bool;

        Values(int n) {
            text = new String[n];
            num = new long[n];
            bool = new boolean[n];
        }

        java.math.BigDecimal dec(int i) {
            return Decimals.parse("", text[i]);
        }
    }

    private RecordFastDecoder() {}

    /** The record, or null when the general path must decode {@code bytes}. */
    static MarketRecord tryDecode(byte[] bytes) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return message(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static MarketRecord message(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT
                || !p.nextFieldName(RecordLayout.V)
                || p.nextToken() != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() != JsonParser.NumberType.INT
                || p.getIntValue() != 1
                || !p.nextFieldName(RecordLayout.KIND)) {
            return null;
        }
        String kind = p.nextTextValue();
        if (kind == null || !p.nextFieldName(RecordLayout.KEY)) return null;
        String key = p.nextTextValue();
        if (key == null || !p.nextFieldName(RecordLayout.SYMBOL)) return null;
        String symbol = p.nextTextValue();
        if (symbol == null) return null;
        RecordLayout layout =
                switch (kind) {
                    case "candle" -> RecordLayout.CANDLE;
                    case "agg_trade" -> RecordLayout.AGG_TRADE;
                    case "trade" -> RecordLayout.TRADE;
                    default -> null;
                };
        if (layout == null) return null;
        Values v = values(p, layout);
        if (v == null || p.nextToken() != JsonToken.END_OBJECT) return null;
        MarketRecord r = record(layout, Symbol.of(symbol), v);
        return r != null && key.equals(r.key()) ? r : null;
    }

    private static Values values(JsonParser p, RecordLayout layout) throws IOException {
        Values v = new Values(layout.types().length);
        for (int i = 0; i < layout.types().length; i++) {
            if (!p.nextFieldName(layout.names()[i])) return null;
            JsonToken t = p.nextToken();
            switch (layout.types()[i]) {
                case 's' -> {
                    if (t != JsonToken.VALUE_STRING) return null;
                    v.text[i] = p.getText();
                }
                case 'i' -> {
                    if (t != JsonToken.VALUE_NUMBER_INT
                            || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return null;
                    }
                    v.num[i] = p.getLongValue();
                }
                default -> {
                    if (t == null || !t.isBoolean()) return null;
                    v.bool[i] = t == JsonToken.VALUE_TRUE;
                }
            }
        }
        return v;
    }

    /** The record as the general path builds it; null where that path would reject it. */
    private static MarketRecord record(RecordLayout layout, Symbol s, Values v) {
        if (layout == RecordLayout.AGG_TRADE) {
            return new AggTrade(
                    s, v.num[0], v.dec(1), v.dec(2), v.num[3], v.num[4], v.num[5], v.bool[6],
                    v.bool[7]);
        }
        if (layout == RecordLayout.TRADE) {
            return new Trade(
                    s, v.num[0], v.dec(1), v.dec(2), v.dec(3), v.num[4], v.bool[5], v.bool[6]);
        }
        Candle c =
                new Candle(
                        s,
                        Interval.of(v.text[0]),
                        v.num[1],
                        v.num[2],
                        v.dec(3),
                        v.dec(4),
                        v.dec(5),
                        v.dec(6),
                        v.dec(7),
                        v.dec(8),
                        v.num[9],
                        v.dec(10),
                        v.dec(11));
        return c.violations().isEmpty() ? c : null;
    }
}
