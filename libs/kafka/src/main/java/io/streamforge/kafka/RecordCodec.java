package io.streamforge.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Decimals;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON codec of the data topics. Decimals travel as strings, times as µs in {@code *_us} fields,
 * the deterministic key is included. Decoding validates and throws {@link InvalidRecordException}
 * naming the bad field, so the connector can route the message to the DLQ.
 */
public final class RecordCodec {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private RecordCodec() {}

    public static byte[] encode(MarketRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(320);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", 1);
            g.writeStringField("kind", r.kind());
            g.writeStringField("key", r.key());
            g.writeStringField("symbol", r.symbol().value());
            if (r instanceof Candle c) {
                writeCandle(g, c);
            } else if (r instanceof AggTrade a) {
                writeAggTrade(g, a);
            } else {
                writeTrade(g, (Trade) r);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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

    /**
     * {@code {"kind":"coverage","producer","received":[{symbol,stream,interval,start_us,end_us,
     * source,queue_id}],"gaps":[{…,status,reason,first_id?,last_id?,queue_id}]}}.
     */
    public static byte[] encode(DataMessage.Coverage cov) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", 1);
            g.writeStringField("kind", "coverage");
            g.writeStringField("producer", cov.producer());
            g.writeArrayFieldStart("received");
            for (Received r : cov.received()) {
                g.writeStartObject();
                writeKeyAndRange(g, r.key(), r.range());
                g.writeStringField("source", r.source().wire());
                g.writeStringField("queue_id", r.queueId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("gaps");
            for (Gap gap : cov.gaps()) {
                g.writeStartObject();
                writeKeyAndRange(g, gap.key(), gap.range());
                g.writeStringField("status", gap.status().wire());
                g.writeStringField("reason", gap.reason());
                if (gap.ids() != null) {
                    g.writeNumberField("first_id", gap.ids().firstId());
                    g.writeNumberField("last_id", gap.ids().lastId());
                }
                g.writeStringField("queue_id", gap.queueId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeKeyAndRange(JsonGenerator g, CoverageKey k, TimeRange r)
            throws IOException {
        g.writeStringField("symbol", k.symbol().value());
        g.writeStringField("stream", k.stream().wire());
        g.writeStringField("interval", k.intervalCode());
        g.writeNumberField("start_us", r.startUs());
        g.writeNumberField("end_us", r.endUs());
    }

    private static DataMessage.Coverage coverage(JsonNode n) {
        List<Received> received = new ArrayList<>();
        int i = 0;
        for (JsonNode e : array(n, "received")) {
            String at = "received[" + i++ + "].";
            received.add(
                    new Received(key(e, at), range(e, at), Source.of(text(e, "source")), queue(e)));
        }
        List<Gap> gaps = new ArrayList<>();
        i = 0;
        for (JsonNode e : array(n, "gaps")) {
            String at = "gaps[" + i++ + "].";
            IdRange ids =
                    e.hasNonNull("first_id")
                            ? new IdRange(num(e, "first_id"), num(e, "last_id"))
                            : null;
            gaps.add(
                    new Gap(
                            key(e, at),
                            range(e, at),
                            GapStatus.of(text(e, "status")),
                            text(e, "reason"),
                            ids,
                            queue(e)));
        }
        return new DataMessage.Coverage(text(n, "producer"), received, gaps);
    }

    private static Iterable<JsonNode> array(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isArray()) {
            throw new InvalidRecordException(name + ": expected an array");
        }
        return v;
    }

    private static CoverageKey key(JsonNode e, String at) {
        try {
            return CoverageKey.parse(
                    text(e, "symbol"), text(e, "stream"), e.path("interval").asText(""));
        } catch (IllegalArgumentException ex) {
            throw new InvalidRecordException(at + "key: " + ex.getMessage(), ex);
        }
    }

    private static TimeRange range(JsonNode e, String at) {
        long start = num(e, "start_us");
        long end = num(e, "end_us");
        if (end <= start) {
            throw new InvalidRecordException(
                    at + "end_us: " + end + " is not after start_us " + start);
        }
        return new TimeRange(start, end);
    }

    private static String queue(JsonNode e) {
        return e.hasNonNull("queue_id") ? text(e, "queue_id") : "";
    }

    private static void writeCandle(JsonGenerator g, Candle c) throws IOException {
        g.writeStringField("interval", c.interval().code());
        g.writeNumberField("open_time_us", c.openTimeUs());
        g.writeNumberField("close_time_us", c.closeTimeUs());
        dec(g, "open", c.open());
        dec(g, "high", c.high());
        dec(g, "low", c.low());
        dec(g, "close", c.close());
        dec(g, "volume", c.volume());
        dec(g, "quote_volume", c.quoteVolume());
        g.writeNumberField("trade_count", c.tradeCount());
        dec(g, "taker_buy_base_volume", c.takerBuyBaseVolume());
        dec(g, "taker_buy_quote_volume", c.takerBuyQuoteVolume());
    }

    private static void writeAggTrade(JsonGenerator g, AggTrade a) throws IOException {
        g.writeNumberField("agg_id", a.aggId());
        dec(g, "price", a.price());
        dec(g, "qty", a.qty());
        g.writeNumberField("first_trade_id", a.firstTradeId());
        g.writeNumberField("last_trade_id", a.lastTradeId());
        g.writeNumberField("time_us", a.timeUs());
        g.writeBooleanField("buyer_maker", a.buyerMaker());
        g.writeBooleanField("best_match", a.bestMatch());
        g.writeBooleanField("invalidated", a.invalidated());
    }

    private static void writeTrade(JsonGenerator g, Trade t) throws IOException {
        g.writeNumberField("trade_id", t.tradeId());
        dec(g, "price", t.price());
        dec(g, "qty", t.qty());
        dec(g, "quote_qty", t.quoteQty());
        g.writeNumberField("time_us", t.timeUs());
        g.writeBooleanField("buyer_maker", t.buyerMaker());
        g.writeBooleanField("best_match", t.bestMatch());
    }

    private static void dec(JsonGenerator g, String field, BigDecimal v) throws IOException {
        g.writeStringField(field, v.toPlainString());
    }

    /** Decodes a data-topic message; throws {@link InvalidRecordException} naming the problem. */
    public static DataMessage decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidRecordException("empty message");
        }
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidRecordException("malformed JSON: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new InvalidRecordException("message is not a JSON object");
        }
        String kind = text(n, "kind");
        try {
            if (kind.equals("coverage")) {
                return coverage(n);
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
                        text(n, "producer"),
                        (int) num(n, "partition"),
                        num(n, "records_sent"),
                        num(n, "sent_at_us"));
            }
            JsonNode key = n.get("key");
            if (key != null && !key.asText().equals(r.key())) {
                throw new InvalidRecordException(
                        "key: '" + key.asText() + "' does not match record " + r.key());
            }
            return new DataMessage.Data(r);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage(), e);
        }
    }

    private static Candle candle(JsonNode n) {
        Candle c =
                new Candle(
                        Symbol.of(text(n, "symbol")),
                        Interval.of(text(n, "interval")),
                        num(n, "open_time_us"),
                        num(n, "close_time_us"),
                        decimal(n, "open"),
                        decimal(n, "high"),
                        decimal(n, "low"),
                        decimal(n, "close"),
                        decimal(n, "volume"),
                        decimal(n, "quote_volume"),
                        num(n, "trade_count"),
                        decimal(n, "taker_buy_base_volume"),
                        decimal(n, "taker_buy_quote_volume"));
        List<String> problems = c.violations();
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(
                    "candle " + c.key() + ": " + String.join(", ", problems));
        }
        return c;
    }

    private static AggTrade aggTrade(JsonNode n) {
        return new AggTrade(
                Symbol.of(text(n, "symbol")),
                num(n, "agg_id"),
                decimal(n, "price"),
                decimal(n, "qty"),
                num(n, "first_trade_id"),
                num(n, "last_trade_id"),
                num(n, "time_us"),
                bool(n, "buyer_maker"),
                bool(n, "best_match"));
    }

    private static Trade trade(JsonNode n) {
        return new Trade(
                Symbol.of(text(n, "symbol")),
                num(n, "trade_id"),
                decimal(n, "price"),
                decimal(n, "qty"),
                decimal(n, "quote_qty"),
                num(n, "time_us"),
                bool(n, "buyer_maker"),
                bool(n, "best_match"));
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new InvalidRecordException(name + ": missing");
        }
        return v;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) {
            throw new InvalidRecordException(name + ": expected a string");
        }
        return v.asText();
    }

    private static long num(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidRecordException(name + ": expected an integer");
        }
        return v.longValue();
    }

    private static boolean bool(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isBoolean()) {
            throw new InvalidRecordException(name + ": expected true/false");
        }
        return v.booleanValue();
    }

    private static BigDecimal decimal(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) {
            throw new InvalidRecordException(name + ": decimals travel as strings");
        }
        return Decimals.parse(name, v.asText());
    }
}
