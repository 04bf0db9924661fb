package io.streamforge.binance.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Parses the real recorded Binance payloads in ../shared/realdata (skipped when absent). */
class RealPayloadsTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    private static String read(String relative) throws IOException {
        String shared = System.getProperty("streamforge.shared", "../../../shared");
        Path p = Path.of(shared, "realdata", relative);
        assumeTrue(Files.isRegularFile(p), "shared realdata not available: " + p);
        if (relative.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Files.readString(p);
    }

    @Test
    void nautilusKlines() throws IOException {
        List<Candle> cs =
                WireMapper.candles(
                        BTC,
                        Interval.M1,
                        BinanceJson.klines(
                                "klines", read("rest/nautilus_http_spot_market_klines.json")));
        assertThat(cs).isNotEmpty();
        Candle first = cs.get(0);
        assertThat(first.openTimeUs()).isEqualTo(1_634_943_780_000_000L);
        assertThat(first.closeTimeUs()).isEqualTo(1_634_943_839_999_000L);
        assertThat(first.open()).isEqualTo(new BigDecimal("60685.22"));
        assertThat(first.quoteVolume()).isEqualTo(new BigDecimal("1313200.0134041"));
        assertThat(first.tradeCount()).isEqualTo(617);
        assertThat(first.takerBuyQuoteVolume()).isEqualTo(new BigDecimal("745719.4102284"));
        for (int i = 0; i < cs.size(); i++) {
            Candle c = cs.get(i);
            assertThat(c.violations()).as("candle %d", i).isEmpty();
            assertThat(c.closeTimeUs()).isEqualTo(Interval.M1.closeTimeOf(c.openTimeUs()));
            if (i > 0) {
                assertThat(c.openTimeUs())
                        .isEqualTo(Interval.M1.nextOpenTime(cs.get(i - 1).openTimeUs()));
            }
        }
    }

    @Test
    void monthlyKlinesFollowTheCalendar() throws IOException {
        List<Candle> cs =
                WireMapper.candles(
                        BTC,
                        Interval.MO1,
                        BinanceJson.klines(
                                "klines", read("rest/BTCUSDT-1M-2021-01_to_2022-01.rest.json")));
        assertThat(cs).hasSize(13);
        for (int i = 0; i < cs.size(); i++) {
            Candle c = cs.get(i);
            assertThat(Micros.toDate(c.openTimeUs()))
                    .isEqualTo(LocalDate.of(2021, 1, 1).plusMonths(i));
            assertThat(c.closeTimeUs()).isEqualTo(Interval.MO1.closeTimeOf(c.openTimeUs()));
            assertThat(c.violations()).isEmpty();
        }
        assertThat(cs.get(0).high()).isEqualTo(new BigDecimal("41950"));
        assertThat(cs.get(0).tradeCount()).isEqualTo(73_759_099L);
    }

    @Test
    void nautilusAggTradesAndTrades() throws IOException {
        List<AggTrade> ats =
                WireMapper.aggTrades(
                        BTC,
                        BinanceJson.aggTrades(
                                "aggTrades",
                                read("rest/nautilus_http_spot_market_agg_trades.json")));
        assertThat(ats.get(0).aggId()).isEqualTo(966_492_862L);
        assertThat(ats.get(0).price()).isEqualTo(new BigDecimal("60759.6"));
        assertThat(ats.get(0).qty()).isEqualTo(new BigDecimal("0.00841"));
        assertThat(ats.get(0).timeUs()).isEqualTo(1_634_944_096_633_000L);
        assertThat(ats.get(0).buyerMaker()).isFalse();
        assertThat(ats.get(2).buyerMaker()).isTrue();
        for (int i = 1; i < ats.size(); i++) {
            assertThat(ats.get(i).aggId()).isEqualTo(ats.get(i - 1).aggId() + 1);
            assertThat(ats.get(i).timeUs()).isGreaterThanOrEqualTo(ats.get(i - 1).timeUs());
        }
        for (String f : List.of("trades", "historical_trades")) {
            List<Trade> ts =
                    WireMapper.trades(
                            BTC,
                            BinanceJson.trades(
                                    f, read("rest/nautilus_http_spot_market_" + f + ".json")));
            assertThat(ts).isNotEmpty();
            assertThat(ts)
                    .allSatisfy(
                            t ->
                                    assertThat(
                                                    t.price()
                                                            .multiply(t.qty())
                                                            .subtract(t.quoteQty())
                                                            .abs())
                                            .isLessThan(new BigDecimal("0.00000001")));
        }
    }

    @Test
    void exchangeInfoSmallAndFull() throws IOException {
        ExchangeInfo small =
                BinanceJson.exchangeInfo(
                        "exchangeInfo", read("rest/nautilus_http_spot_market_exchange_info.json"));
        assertThat(small.requestWeightPerMinute()).contains(1200L);
        assertThat(small.symbols())
                .anySatisfy(
                        s -> {
                            assertThat(s.symbol()).isEqualTo("BTCUSDT");
                            assertThat(s.trading()).isTrue();
                        });
        String line = read("rest/cryptofeed_BINANCE.0_exchangeInfo_20211012.txt.gz");
        ExchangeInfo full =
                BinanceJson.exchangeInfo("exchangeInfo", line.substring(line.indexOf('{')));
        assertThat(full.symbols()).hasSize(1695);
        assertThat(full.symbols().stream().filter(ExchangeInfo.SymbolInfo::trading)).hasSize(1262);
        assertThat(full.symbols()).allSatisfy(s -> Symbol.of(s.symbol()));
    }

    @Test
    void serverTime() throws IOException {
        assertThat(BinanceJson.serverTime("time", read("rest/nautilus_http_spot_market_time.json")))
                .isEqualTo(1_633_835_466_289L);
    }

    @Test
    void observedErrorBodies() throws IOException {
        JsonNode root =
                new ObjectMapper()
                        .readTree(read("errors/observed_error_payloads_and_headers.json"));
        int n = 0;
        for (JsonNode e : root.get("error_payloads")) {
            ErrorBody b = BinanceJson.errorBodyOrNull(e.get("body").toString());
            assertThat(b).isNotNull();
            assertThat(b.msg()).isEqualTo(e.get("body").get("msg").asText());
            JsonNode code = e.get("body").get("code");
            assertThat(b.codeOrZero()).isEqualTo(code.isNull() ? 0 : code.asInt());
            n++;
        }
        assertThat(n).isEqualTo(11);
    }
}
