package io.streamforge.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * Writes Binance's compact JSON: decimals as strings with 8 decimals ({@code "60685.22000000"}),
 * timestamps as numbers in ms (or µs when {@code micros}).
 */
final class JsonOut {
    private static final JsonFactory FACTORY = new JsonFactory();

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonOut() {}

    static String write(Body body) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static String decimal(BigDecimal v) {
        return v.setScale(8).toPlainString();
    }

    static long time(long us, boolean micros) {
        return micros ? us : Math.floorDiv(us, 1_000L);
    }

    static String error(int code, String msg) {
        return write(
                g -> {
                    g.writeStartObject();
                    g.writeNumberField("code", code);
                    g.writeStringField("msg", msg);
                    g.writeEndObject();
                });
    }

    /** 12-field kline arrays; close time = next open − 1 ms (− 1 µs in µs mode). */
    static String klines(List<Candle> candles, boolean micros) {
        return write(
                g -> {
                    g.writeStartArray();
                    for (Candle c : candles) {
                        long nextOpenUs = c.closeTimeUs() + 1_000L;
                        g.writeStartArray();
                        g.writeNumber(time(c.openTimeUs(), micros));
                        g.writeString(decimal(c.open()));
                        g.writeString(decimal(c.high()));
                        g.writeString(decimal(c.low()));
                        g.writeString(decimal(c.close()));
                        g.writeString(decimal(c.volume()));
                        g.writeNumber(micros ? nextOpenUs - 1 : nextOpenUs / 1_000L - 1);
                        g.writeString(decimal(c.quoteVolume()));
                        g.writeNumber(c.tradeCount());
                        g.writeString(decimal(c.takerBuyBaseVolume()));
                        g.writeString(decimal(c.takerBuyQuoteVolume()));
                        g.writeString("0");
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                });
    }

    static String aggTrades(Collection<AggTrade> trades, boolean micros) {
        return write(
                g -> {
                    g.writeStartArray();
                    for (AggTrade t : trades) {
                        g.writeStartObject();
                        g.writeNumberField("a", t.aggId());
                        g.writeStringField("p", decimal(t.price()));
                        g.writeStringField("q", decimal(t.qty()));
                        g.writeNumberField("f", t.firstTradeId());
                        g.writeNumberField("l", t.lastTradeId());
                        g.writeNumberField("T", time(t.timeUs(), micros));
                        g.writeBooleanField("m", t.buyerMaker());
                        g.writeBooleanField("M", t.bestMatch());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                });
    }
}
