package io.streamforge.app.bench;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A compact binary form of candles and aggTrades, for {@code bench codec} only (it measures what a
 * binary data-topic codec would save against the JSON one; it is not a wire format of the product):
 * a kind byte, the symbol, longs as 8 bytes, decimals as scale + unscaled long (or unscaled bytes
 * when they do not fit). Decoding builds the same domain records as {@code RecordCodec.decode}.
 */
final class BinaryCodecPrototype {
    private static final byte CANDLE = 1;
    private static final byte AGG_TRADE = 2;

    private BinaryCodecPrototype() {}

    static byte[] encode(MarketRecord r) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            if (r instanceof Candle c) {
                out.writeByte(CANDLE);
                out.writeUTF(c.symbol().value());
                out.writeUTF(c.interval().code());
                out.writeLong(c.openTimeUs());
                out.writeLong(c.closeTimeUs());
                for (BigDecimal d :
                        new BigDecimal[] {
                            c.open(), c.high(), c.low(), c.close(), c.volume(), c.quoteVolume()
                        }) {
                    decimal(out, d);
                }
                out.writeLong(c.tradeCount());
                decimal(out, c.takerBuyBaseVolume());
                decimal(out, c.takerBuyQuoteVolume());
            } else if (r instanceof AggTrade a) {
                out.writeByte(AGG_TRADE);
                out.writeUTF(a.symbol().value());
                out.writeLong(a.aggId());
                decimal(out, a.price());
                decimal(out, a.qty());
                out.writeLong(a.firstTradeId());
                out.writeLong(a.lastTradeId());
                out.writeLong(a.timeUs());
                out.writeByte((a.buyerMaker() ? 1 : 0) | (a.bestMatch() ? 2 : 0));
            } else {
                throw new IllegalArgumentException("not a candle or aggTrade: " + r.kind());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    static MarketRecord decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte kind = in.readByte();
            Symbol s = Symbol.of(in.readUTF());
            if (kind == CANDLE) {
                Interval i = Interval.of(in.readUTF());
                long open = in.readLong();
                long close = in.readLong();
                BigDecimal[] d = new BigDecimal[6];
                for (int k = 0; k < 6; k++) {
                    d[k] = decimal(in);
                }
                return new Candle(
                        s,
                        i,
                        open,
                        close,
                        d[0],
                        d[1],
                        d[2],
                        d[3],
                        d[4],
                        d[5],
                        in.readLong(),
                        decimal(in),
                        decimal(in));
            }
            if (kind == AGG_TRADE) {
                long id = in.readLong();
                BigDecimal price = decimal(in);
                BigDecimal qty = decimal(in);
                long first = in.readLong();
                long last = in.readLong();
                long time = in.readLong();
                int flags = in.readByte();
                return new AggTrade(
                        s, id, price, qty, first, last, time, (flags & 1) != 0, (flags & 2) != 0);
            }
            throw new IllegalArgumentException("unknown kind byte " + kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void decimal(DataOutputStream out, BigDecimal d) throws IOException {
        BigInteger u = d.unscaledValue();
        out.writeByte(d.scale());
        if (u.bitLength() < 63) {
            out.writeByte(0);
            out.writeLong(u.longValue());
        } else {
            byte[] b = u.toByteArray();
            out.writeByte(b.length);
            out.write(b);
        }
    }

    private static BigDecimal decimal(DataInputStream in) throws IOException {
        int scale = in.readByte();
        int len = in.readByte();
        if (len == 0) {
            return BigDecimal.valueOf(in.readLong(), scale);
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return new BigDecimal(new BigInteger(b), scale);
    }
}
