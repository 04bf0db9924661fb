package io.streamforge.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Decimals;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Aggregation against real Binance data read in place from ../shared/realdata. */
class RealDataAggregationTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    /** A REST decimal string, normalised as domain records hold it. */
    private static BigDecimal dec(JsonNode n) {
        return Decimals.parse("kline field", n.asText());
    }

    @Test
    void hourlyKlinesOfJanuary2022SumToTheMonthlyKline() throws IOException {
        Symbol btc = Symbol.of("BTCUSDT");
        List<Candle> hours = new ArrayList<>();
        for (String[] f : SharedData.csv(SharedData.realdata("klines/BTCUSDT-1h-2022-01.csv"))) {
            long open = Micros.fromMs(Long.parseLong(f[0]));
            hours.add(
                    new Candle(
                            btc,
                            Interval.H1,
                            open,
                            Micros.fromMs(Long.parseLong(f[6])),
                            bd(f[1]),
                            bd(f[2]),
                            bd(f[3]),
                            bd(f[4]),
                            bd(f[5]),
                            bd(f[7]),
                            Long.parseLong(f[8]),
                            bd(f[9]),
                            bd(f[10])));
        }
        assertThat(hours).hasSize(744);
        List<Candle> months = CandleAggregation.resample(hours, Interval.MO1, GapPolicy.SKIP);
        assertThat(months).hasSize(1);
        Candle m = months.get(0);
        JsonNode rest =
                JSON.readTree(
                        SharedData.realdata("rest/BTCUSDT-1M-2021-01_to_2022-01.rest.json")
                                .toFile());
        JsonNode jan = null;
        for (JsonNode k : rest) {
            if (k.get(0).asLong() == Micros.toMs(m.openTimeUs())) {
                jan = k;
            }
        }
        assertThat(jan).as("January 2022 in the REST file").isNotNull();
        assertThat(Micros.toMs(m.openTimeUs())).isEqualTo(jan.get(0).asLong());
        assertThat(List.of(m.open(), m.high(), m.low(), m.close(), m.volume()))
                .containsExactly(
                        dec(jan.get(1)),
                        dec(jan.get(2)),
                        dec(jan.get(3)),
                        dec(jan.get(4)),
                        dec(jan.get(5)));
        assertThat(Micros.toMs(m.closeTimeUs())).isEqualTo(jan.get(6).asLong());
        assertThat(m.quoteVolume()).isEqualTo(dec(jan.get(7)));
        assertThat(m.tradeCount()).isEqualTo(jan.get(8).asLong());
        assertThat(m.takerBuyBaseVolume()).isEqualTo(dec(jan.get(9)));
        assertThat(m.takerBuyQuoteVolume()).isEqualTo(dec(jan.get(10)));
    }

    private static List<AggTrade> xrpethAggTrades() throws IOException {
        JsonNode root =
                JSON.readTree(
                        SharedData.realdata("trades/XRPETH-aggTrades-20191011-20191013.rest.json")
                                .toFile());
        Symbol s = Symbol.of("XRPETH");
        List<AggTrade> out = new ArrayList<>();
        for (JsonNode t : root) {
            out.add(
                    new AggTrade(
                            s,
                            t.get("a").asLong(),
                            bd(t.get("p").asText()),
                            bd(t.get("q").asText()),
                            t.get("f").asLong(),
                            t.get("l").asLong(),
                            Micros.fromMs(t.get("T").asLong()),
                            t.get("m").asBoolean(),
                            t.get("M").asBoolean()));
        }
        return out;
    }

    /** freqtrade candles by open time (ms): [o, h, l, c, v] as exact decimals of the JSON text. */
    private static Map<Long, BigDecimal[]> freqtrade(String interval) throws IOException {
        JsonNode root =
                JSON.readTree(
                        SharedData.realdata(
                                        "klines/XRPETH-"
                                                + interval
                                                + "-20191011-20191013.freqtrade-from-aggTrades.json")
                                .toFile());
        Map<Long, BigDecimal[]> out = new TreeMap<>();
        for (JsonNode k : root) {
            BigDecimal[] v = new BigDecimal[5];
            for (int i = 0; i < 5; i++) {
                v[i] = k.get(i + 1).decimalValue();
            }
            out.put(k.get(0).asLong(), v);
        }
        return out;
    }

    private static void assertSame(Candle c, BigDecimal[] e) {
        String at = "candle " + Micros.toMs(c.openTimeUs());
        assertThat(c.open()).as(at + " open").isEqualByComparingTo(e[0]);
        assertThat(c.high()).as(at + " high").isEqualByComparingTo(e[1]);
        assertThat(c.low()).as(at + " low").isEqualByComparingTo(e[2]);
        assertThat(c.close()).as(at + " close").isEqualByComparingTo(e[3]);
        assertThat(c.volume()).as(at + " volume").isEqualByComparingTo(e[4]);
    }

    @Test
    void xrpethAggTradesReproduceFreqtradeCandles() throws IOException {
        List<AggTrade> trades = xrpethAggTrades();
        for (Interval interval : List.of(Interval.M1, Interval.M5)) {
            Map<Long, BigDecimal[]> expected = freqtrade(interval.code());
            List<Candle> skip = CandleAggregation.fromAggTrades(trades, interval, GapPolicy.SKIP);
            assertThat(skip).hasSize(interval == Interval.M1 ? 2469 : 706);
            for (Candle c : skip) {
                assertSame(c, expected.get(Micros.toMs(c.openTimeUs())));
                assertThat(c.tradeCount()).isPositive();
            }
            List<Candle> flat = CandleAggregation.fromAggTrades(trades, interval, GapPolicy.FLAT);
            assertThat(flat)
                    .extracting(c -> Micros.toMs(c.openTimeUs()))
                    .containsExactlyElementsOf(expected.keySet());
            flat.forEach(c -> assertSame(c, expected.get(Micros.toMs(c.openTimeUs()))));
        }
    }

    @Test
    void xrpethMinutesResampleToTheFiveMinuteCandles() throws IOException {
        List<AggTrade> trades = xrpethAggTrades();
        List<Candle> minutes = CandleAggregation.fromAggTrades(trades, Interval.M1, GapPolicy.FLAT);
        List<Candle> direct = CandleAggregation.fromAggTrades(trades, Interval.M5, GapPolicy.FLAT);
        assertThat(CandleAggregation.resample(minutes, Interval.M5, GapPolicy.FLAT))
                .isEqualTo(direct);
        long count = trades.stream().mapToLong(t -> t.lastTradeId() - t.firstTradeId() + 1).sum();
        assertThat(direct.stream().mapToLong(Candle::tradeCount).sum()).isEqualTo(count);
    }
}
