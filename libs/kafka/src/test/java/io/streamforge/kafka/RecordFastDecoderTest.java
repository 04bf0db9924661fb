package io.streamforge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast decoding path gives exactly the general path's record for what the encoder writes, and
 * leaves every other message to the general path.
 */
class RecordFastDecoderTest {
    private static final Symbol ETH = Symbol.of("ETHUSDT");

    @Test
    void encodedRecordsTakeTheFastPathAndEqualTheGeneralPath() {
        Random r = new Random(3451);
        for (int i = 0; i < 20_000; i++) {
            MarketRecord rec =
                    switch (i % 3) {
                        case 0 -> candle(r);
                        case 1 -> aggTrade(r);
                        default -> trade(r);
                    };
            byte[] bytes = RecordCodec.encode(rec);
            MarketRecord fast = RecordFastDecoder.tryDecode(bytes);
            assertThat(fast).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(rec);
            assertThat(new DataMessage.Data(fast)).isEqualTo(RecordCodec.decodeGeneral(bytes));
            assertThat(RecordCodec.decode(bytes)).isEqualTo(new DataMessage.Data(rec));
        }
    }

    @Test
    void everyOtherShapeFallsBackToTheGeneralPath() {
        String ok =
                new String(RecordCodec.encode(RecordCodecTest.candle()), StandardCharsets.UTF_8);
        String agg =
                new String(RecordCodec.encode(aggTrade(new Random(1))), StandardCharsets.UTF_8);
        List<String> others =
                List.of(
                        ok.replace("{\"v\":1,", "{\"v\":2,"),
                        ok.replace("{\"v\":1,", "{"),
                        ok.replace("{\"v\":1,", "{\"v\":1,\"extra\":1,"),
                        ok.replace("\"trade_count\":321", "\"trade_count\":null"),
                        ok.replace("\"trade_count\":321", "\"trade_count\":\"321\""),
                        ok.replace(
                                "\"trade_count\":321", "\"trade_count\":123456789012345678901234"),
                        ok.replace("\"high\":\"42100.5\"", "\"high\":\"1\""), // envelope broken
                        ok.replace("1m:1704067200000000\"", "1m:1\""), // forged key
                        ok.replace("}", ",\"open\":\"1\"}"), // repeated field
                        ok.replace("\"symbol\":\"BTCUSDT\"", "\"symbol\":\"btc-usdt\""),
                        agg.replace("\"buyer_maker\":", "\"buyer_maker\":1,\"x\":"),
                        agg.replace("\"invalidated\":false", "\"invalidated\":0"),
                        agg.replace("\"price\":\"", "\"price\":\"x"),
                        ok.substring(0, ok.length() - 1),
                        "{\"v\":1,\"kind\":\"eos\",\"producer\":\"p\",\"partition\":0,"
                                + "\"records_sent\":1,\"sent_at_us\":1}",
                        "[1,2]",
                        "{not json");
        for (String m : others) {
            assertThat(RecordFastDecoder.tryDecode(m.getBytes(StandardCharsets.UTF_8)))
                    .as(m)
                    .isNull();
        }
        // a changed invalidated flag is derived, not read: both paths give the same record
        byte[] flipped =
                agg.replace("\"invalidated\":false", "\"invalidated\":true")
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(new DataMessage.Data(RecordFastDecoder.tryDecode(flipped)))
                .isEqualTo(RecordCodec.decodeGeneral(flipped));
    }

    private static Candle candle(Random r) {
        long open = 1_704_067_200_000_000L + r.nextInt(100_000) * 60_000_000L;
        BigDecimal low = dec(r);
        BigDecimal high = low.add(dec(r));
        return new Candle(
                ETH,
                Interval.M1,
                open,
                Interval.M1.closeTimeOf(open),
                low,
                high,
                low,
                high,
                dec(r),
                dec(r),
                r.nextInt(1000),
                dec(r),
                dec(r));
    }

    private static AggTrade aggTrade(Random r) {
        long id = r.nextLong(1L << 40);
        return new AggTrade(
                ETH,
                id,
                dec(r),
                dec(r),
                id,
                id + r.nextInt(5),
                1_704_067_200_000_000L + id,
                r.nextBoolean(),
                r.nextBoolean());
    }

    private static Trade trade(Random r) {
        BigDecimal p = dec(r);
        BigDecimal q = dec(r);
        return new Trade(
                ETH,
                r.nextLong(1L << 40),
                p,
                q,
                p.multiply(q),
                1_704_067_200_000_000L,
                r.nextBoolean(),
                r.nextBoolean());
    }

    /** 0 to 10^10 with up to 12 fraction digits, sometimes with a long tail. */
    private static BigDecimal dec(Random r) {
        BigDecimal v = BigDecimal.valueOf(r.nextLong(10_000_000_000_000L), r.nextInt(13));
        return r.nextInt(20) == 0 ? v.add(new BigDecimal("0.0000000000000000000001")) : v;
    }
}
