package io.streamforge.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * JSON codec of the data topics. Decimals travel as strings, times as µs in {@code *_us} fields,
 * the deterministic key is included. Decoding validates and throws {@link InvalidRecordException}
 * naming the bad field, so the connector can route the message to the DLQ.
 */
public final class RecordCodec {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
    private static final ThreadLocal<Encoder> ENCODER = ThreadLocal.withInitial(Encoder::new);

    private RecordCodec() {}

    public static byte[] encode(MarketRecord r) {
        Encoder e = ENCODER.get();
        try {
            JsonGenerator g = e.generator;
            g.writeStartObject();
            g.writeFieldName(RecordLayout.V);
            g.writeNumber(1);
            g.writeFieldName(RecordLayout.KIND);
            g.writeString(r.kind());
            g.writeFieldName(RecordLayout.KEY);
            g.writeString(r.key());
            g.writeFieldName(RecordLayout.SYMBOL);
            g.writeString(r.symbol().value());
            if (r instanceof Candle c) {
                writeCandle(g, c);
            } else if (r instanceof AggTrade a) {
                writeAggTrade(g, a);
            } else {
                writeTrade(g, (Trade) r);
            }
            g.writeEndObject();
            return e.take();
        } catch (IOException | RuntimeException ex) {
            ENCODER.remove(); // the generator may be mid-object: never reuse it
            if (ex instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) ex;
        }
    }

    /**
     * One generator per thread, reused for every record (creating a generator per message cost more
     * than writing the record); no separator between root values.
     */
    private static final class Encoder {
        final ByteArrayBuilder bytes = new ByteArrayBuilder(512);
        final JsonGenerator generator;

        Encoder() {
            try {
                generator = FACTORY.createGenerator(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            generator.setRootValueSeparator(null);
        }

        byte[] take() throws IOException {
            generator.flush();
            byte[] out = bytes.toByteArray();
            bytes.reset();
            return out;
        }
    }

    public static byte[] encode(DataMessage.EndOfStream eos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", 1);
            g.writeStringField("kind", "eos");
            g.writeStringField("producer", eos.producer());
            g.writeNumberField("partition", eos.partition());
            g.writeNumberField("records_sent", eos.recordsSent());
            g.writeNumberField("sent_at_us", eos.sentAtUs());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** See {@link CoverageCodec#encode}. */
    public static byte[] encode(DataMessage.Coverage cov) {
        return CoverageCodec.encode(cov);
    }

    private static void writeCandle(JsonGenerator g, Candle c) throws IOException {
        RecordLayout l = RecordLayout.CANDLE;
        g.writeFieldName(l.name(0));
        g.writeString(c.interval().code());
        num(g, l.name(1), c.openTimeUs());
        num(g, l.name(2), c.closeTimeUs());
        dec(g, l.name(3), c.open());
        dec(g, l.name(4), c.high());
        dec(g, l.name(5), c.low());
        dec(g, l.name(6), c.close());
        dec(g, l.name(7), c.volume());
        dec(g, l.name(8), c.quoteVolume());
        num(g, l.name(9), c.tradeCount());
        dec(g, l.name(10), c.takerBuyBaseVolume());
        dec(g, l.name(11), c.takerBuyQuoteVolume());
    }

    private static void writeAggTrade(JsonGenerator g, AggTrade a) throws IOException {
        RecordLayout l = RecordLayout.AGG_TRADE;
        num(g, l.name(0), a.aggId());
        dec(g, l.name(1), a.price());
        dec(g, l.name(2), a.qty());
        num(g, l.name(3), a.firstTradeId());
        num(g, l.name(4), a.lastTradeId());
        num(g, l.name(5), a.timeUs());
        bool(g, l.name(6), a.buyerMaker());
        bool(g, l.name(7), a.bestMatch());
        bool(g, l.name(8), a.invalidated());
    }

    private static void writeTrade(JsonGenerator g, Trade t) throws IOException {
        RecordLayout l = RecordLayout.TRADE;
        num(g, l.name(0), t.tradeId());
        dec(g, l.name(1), t.price());
        dec(g, l.name(2), t.qty());
        dec(g, l.name(3), t.quoteQty());
        num(g, l.name(4), t.timeUs());
        bool(g, l.name(5), t.buyerMaker());
        bool(g, l.name(6), t.bestMatch());
    }

    private static void dec(JsonGenerator g, SerializedString field, BigDecimal v)
            throws IOException {
        g.writeFieldName(field);
        g.writeString(v.toPlainString());
    }

    private static void num(JsonGenerator g, SerializedString field, long v) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(v);
    }

    private static void bool(JsonGenerator g, SerializedString field, boolean v)
            throws IOException {
        g.writeFieldName(field);
        g.writeBoolean(v);
    }

    /** Decodes a data-topic message; throws {@link InvalidRecordException} naming the problem. */
    public static DataMessage decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidRecordException("empty message");
        }
        MarketRecord fast = RecordFastDecoder.tryDecode(bytes);
        return fast != null ? new DataMessage.Data(fast) : decodeGeneral(bytes);
    }

    /** The general path of {@link #decode}: any field order, every check, every error message. */
    static DataMessage decodeGeneral(byte[] bytes) {
        FlatObject n;
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidRecordException("message is not a JSON object");
            }
            n = FlatObject.read(p);
        } catch (IOException e) {
            throw new InvalidRecordException("malformed JSON: " + e.getMessage(), e);
        }
        String kind = n.text("kind");
        try {
            if (kind.equals("coverage")) {
                return CoverageCodec.decode(n);
            }
            MarketRecord r =
                    switch (kind) {
                        case "eos" -> null;
                        case "candle" -> candle(n);
                        case "agg_trade" -> aggTrade(n);
                        case "trade" -> trade(n);
                        default -> throw new InvalidRecordException("kind: unknown '" + kind + "'");
                    };
            if (r == null) {
                return new DataMessage.EndOfStream(
                        n.text("producer"),
                        (int) n.num("partition"),
                        n.num("records_sent"),
                        n.num("sent_at_us"));
            }
            if (n.has("key") && !n.textOr("key", "").equals(r.key())) {
                throw new InvalidRecordException(
                        "key: '" + n.textOr("key", "") + "' does not match record " + r.key());
            }
            return new DataMessage.Data(r);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage(), e);
        }
    }

    private static Candle candle(FlatObject n) {
        Candle c =
                new Candle(
                        Symbol.of(n.text("symbol")),
                        Interval.of(n.text("interval")),
                        n.num("open_time_us"),
                        n.num("close_time_us"),
                        n.decimal("open"),
                        n.decimal("high"),
                        n.decimal("low"),
                        n.decimal("close"),
                        n.decimal("volume"),
                        n.decimal("quote_volume"),
                        n.num("trade_count"),
                        n.decimal("taker_buy_base_volume"),
                        n.decimal("taker_buy_quote_volume"));
        List<String> problems = c.violations();
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(
                    "candle " + c.key() + ": " + String.join(", ", problems));
        }
        return c;
    }

    private static AggTrade aggTrade(FlatObject n) {
        return new AggTrade(
                Symbol.of(n.text("symbol")),
                n.num("agg_id"),
                n.decimal("price"),
                n.decimal("qty"),
                n.num("first_trade_id"),
                n.num("last_trade_id"),
                n.num("time_us"),
                n.bool("buyer_maker"),
                n.bool("best_match"));
    }

    private static Trade trade(FlatObject n) {
        return new Trade(
                Symbol.of(n.text("symbol")),
                n.num("trade_id"),
                n.decimal("price"),
                n.decimal("qty"),
                n.decimal("quote_qty"),
                n.num("time_us"),
                n.bool("buyer_maker"),
                n.bool("best_match"));
    }
}
