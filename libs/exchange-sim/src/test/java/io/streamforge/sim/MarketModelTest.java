package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MarketModelTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final Symbol ETH = Symbol.of("ETHUSDT");
    static final long DAY = 86_400_000_000L;
    static final MarketModel MODEL = new MarketModel(SimConfig.defaults());
    static final long JAN_2024 = Micros.of(LocalDate.of(2024, 1, 1));

    @ParameterizedTest
    @EnumSource(
            value = Interval.class,
            names = {"S1", "M1", "M5", "M15", "H1", "H4", "D1", "D3", "W1", "MO1"})
    void klinesAreExactlyTheAggregationOfTheirAggTrades(Interval iv) {
        long start = JAN_2024 + 7 * DAY + 3_600_000_000L;
        long span = iv.isCalendar() ? 62 * DAY : Math.min(40 * iv.fixedUs(), 35 * DAY);
        List<Candle> candles = MODEL.klines(BTC, iv, start, start + span);
        assertThat(candles).isNotEmpty();
        for (Candle c : candles) {
            assertThat(c.openTimeUs()).isGreaterThanOrEqualTo(start).isLessThan(start + span);
            assertThat(c.violations()).isEmpty();
            List<AggTrade> trades =
                    MODEL.aggTrades(BTC, c.openTimeUs(), iv.nextOpenTime(c.openTimeUs()));
            if (trades.isEmpty()) {
                assertThat(iv).isEqualTo(Interval.S1);
                assertThat(c.volume()).isZero();
                assertThat(c.tradeCount()).isZero();
                assertThat(c.high()).isEqualTo(c.open()).isEqualTo(c.low()).isEqualTo(c.close());
                continue;
            }
            Aggregate a = Aggregate.of(trades);
            assertThat(List.of(c.open(), c.high(), c.low(), c.close()))
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(a.open(), a.high(), a.low(), a.close());
            assertThat(c.volume()).isEqualByComparingTo(a.volume());
            assertThat(c.quoteVolume()).isEqualByComparingTo(a.quoteVolume());
            assertThat(c.tradeCount()).isEqualTo(a.count());
            assertThat(c.takerBuyBaseVolume()).isEqualByComparingTo(a.takerBase());
            assertThat(c.takerBuyQuoteVolume()).isEqualByComparingTo(a.takerQuote());
        }
    }

    @Test
    void monthlyKlineCoversTheWholeCalendarMonth() {
        long feb = Micros.of(LocalDate.of(2024, 2, 1));
        List<Candle> months = MODEL.klines(BTC, Interval.MO1, JAN_2024, feb + 1);
        assertThat(months).extracting(Candle::openTimeUs).containsExactly(JAN_2024, feb);
        assertThat(months.get(0).tradeCount())
                .isEqualTo(
                        MODEL.klines(BTC, Interval.D1, JAN_2024, feb).stream()
                                .mapToLong(Candle::tradeCount)
                                .sum());
        assertThat(months.get(0).closeTimeUs()).isEqualTo(feb - 1_000);
    }

    @ParameterizedTest
    @EnumSource(
            value = Interval.class,
            names = {"M1", "H1", "D1", "W1", "MO1"})
    void candleContainingNowIsPartialAndLaterOnesDoNotExist(Interval iv) {
        long asOf = JAN_2024 + 17 * DAY + 12_345_678_901L;
        long open = iv.openTimeOf(asOf);
        List<Candle> seen = MODEL.klinesAsOf(BTC, iv, open, open + 400 * DAY, asOf);
        assertThat(seen).hasSize(1);
        Aggregate a = Aggregate.of(MODEL.aggTrades(BTC, open, asOf));
        assertThat(seen.get(0).close()).isEqualByComparingTo(a.close());
        assertThat(seen.get(0).high()).isEqualByComparingTo(a.high());
        assertThat(seen.get(0).quoteVolume()).isEqualByComparingTo(a.quoteVolume());
        assertThat(seen.get(0).tradeCount()).isEqualTo(a.count());
        assertThat(seen.get(0).tradeCount())
                .isLessThan(MODEL.klines(BTC, iv, open, open + 1).get(0).tradeCount());
    }

    @Test
    void oneSecondKlinesAreContinuousAndFlatWithoutTrades() {
        List<Candle> secs = MODEL.klines(BTC, Interval.S1, JAN_2024, JAN_2024 + 600_000_000L);
        assertThat(secs).hasSize(600);
        Candle previous = null;
        int flat = 0;
        for (Candle c : secs) {
            if (previous != null) {
                assertThat(c.openTimeUs()).isEqualTo(previous.openTimeUs() + 1_000_000L);
                if (c.tradeCount() == 0) {
                    flat++;
                    assertThat(c.open()).isEqualTo(previous.close());
                    assertThat(c.close()).isEqualTo(previous.close());
                }
            }
            previous = c;
        }
        assertThat(flat).isGreaterThan(100);
    }

    @Test
    void idsAreContiguousAcrossDaysAndEveryMinuteTrades() {
        long start = JAN_2024 + DAY - 3_600_000_000L;
        List<AggTrade> trades = MODEL.aggTrades(BTC, start, start + 2 * 3_600_000_000L);
        assertThat(trades).hasSizeGreaterThanOrEqualTo(120);
        for (int i = 1; i < trades.size(); i++) {
            AggTrade p = trades.get(i - 1);
            AggTrade t = trades.get(i);
            assertThat(t.aggId()).isEqualTo(p.aggId() + 1);
            assertThat(t.firstTradeId()).isEqualTo(p.lastTradeId() + 1);
            assertThat(t.lastTradeId()).isGreaterThanOrEqualTo(t.firstTradeId());
            assertThat(t.timeUs()).isGreaterThanOrEqualTo(p.timeUs());
        }
        long minutesWithTrades =
                trades.stream().mapToLong(t -> t.timeUs() / 60_000_000L).distinct().count();
        assertThat(minutesWithTrades).isEqualTo(120);
        long perDay = MODEL.aggTradesPerDay();
        long dayIndex = (JAN_2024 + DAY - MODEL.genesisUs()) / DAY;
        AggTrade firstOfDay =
                trades.stream().filter(t -> t.timeUs() >= JAN_2024 + DAY).findFirst().orElseThrow();
        assertThat(firstOfDay.aggId()).isEqualTo(dayIndex * perDay);
        assertThat(firstOfDay.firstTradeId()).isEqualTo(dayIndex * 2 * perDay);
    }

    @Test
    void fromIdAndBeforeAgreeWithTimeWindows() {
        List<AggTrade> window =
                MODEL.aggTrades(ETH, JAN_2024 - 600_000_000L, JAN_2024 + 600_000_000L);
        List<AggTrade> byId = MODEL.aggTradesFromId(ETH, window.get(0).aggId(), window.size());
        assertThat(byId).isEqualTo(window);
        assertThat(MODEL.aggTradesBefore(ETH, JAN_2024 + 600_000_000L, window.size()))
                .isEqualTo(window);
        assertThat(MODEL.firstAggIdAtOrAfter(ETH, window.get(0).timeUs()))
                .isEqualTo(window.get(0).aggId());
    }

    @Test
    void pricesAndQuantitiesSitOnTickAndStep() {
        for (AggTrade t : MODEL.aggTrades(Symbol.of("DOGEUSDT"), JAN_2024, JAN_2024 + DAY / 4)) {
            assertThat(t.price().scale()).isLessThanOrEqualTo(5);
            assertThat(t.qty().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
            assertThat(t.price().signum()).isPositive();
            assertThat(t.qty().signum()).isPositive();
        }
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        MarketModel again = new MarketModel(SimConfig.defaults());
        MarketModel other = new MarketModel(SimConfig.defaults().withSeed(7));
        long end = JAN_2024 + 3_600_000_000L;
        assertThat(again.aggTrades(BTC, JAN_2024, end))
                .isEqualTo(MODEL.aggTrades(BTC, JAN_2024, end));
        assertThat(again.klines(BTC, Interval.M1, JAN_2024, end))
                .isEqualTo(MODEL.klines(BTC, Interval.M1, JAN_2024, end));
        assertThat(other.aggTrades(BTC, JAN_2024, end))
                .isNotEqualTo(MODEL.aggTrades(BTC, JAN_2024, end));
    }

    @Test
    void symbolsAreCorrelatedThroughTheMarketFactor() {
        List<Candle> btc = MODEL.klines(BTC, Interval.M5, JAN_2024, JAN_2024 + 10 * DAY);
        List<Candle> eth = MODEL.klines(ETH, Interval.M5, JAN_2024, JAN_2024 + 10 * DAY);
        assertThat(btc).hasSameSizeAs(eth).hasSize(2880);
        double corr = correlation(logReturns(btc), logReturns(eth));
        assertThat(corr).isBetween(0.3, 0.95);
    }

    @Test
    void nothingExistsBeforeGenesis() {
        long g = MODEL.genesisUs();
        assertThat(MODEL.aggTrades(BTC, g - DAY, g)).isEmpty();
        assertThat(MODEL.klines(BTC, Interval.H1, g - DAY, g)).isEmpty();
        assertThat(MODEL.klines(BTC, Interval.H1, g - DAY, g + DAY)).hasSize(24);
        assertThat(MODEL.aggTradesBefore(BTC, g + 1, 10)).isEmpty();
        assertThat(MODEL.aggTradesFromId(BTC, 0, 3).get(0).timeUs()).isGreaterThanOrEqualTo(g);
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        Symbol nope = Symbol.of("NOPEUSDT");
        assertThatThrownBy(() -> MODEL.aggTrades(nope, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown symbol 'NOPEUSDT'");
        assertThatThrownBy(() -> MODEL.aggTradesFromId(BTC, -1, 10))
                .hasMessageContaining("fromId must be >= 0");
        assertThatThrownBy(() -> MODEL.aggTradesFromId(BTC, 0, 0))
                .hasMessageContaining("limit must be positive");
        assertThatThrownBy(() -> SimConfig.defaults().withAggTradesPerDay(100))
                .hasMessageContaining("aggTradesPerDay must be in [1440");
        assertThatThrownBy(() -> SimConfig.defaults().withSymbols(List.of()))
                .hasMessageContaining("at least one symbol");
        assertThatThrownBy(() -> SimConfig.defaults().withBanTimeScale(0))
                .hasMessageContaining("banTimeScale");
    }

    @Test
    void configuredSymbolsGetPlausibleSpecs() {
        MarketModel m = new MarketModel(SimConfig.defaults().withSymbols("PEPEUSDT", "ETHBTC"));
        assertThat(m.symbols()).containsExactly(Symbol.of("PEPEUSDT"), Symbol.of("ETHBTC"));
        SymbolSpec s = m.spec(Symbol.of("ETHBTC"));
        assertThat(s.baseAsset()).isEqualTo("ETH");
        assertThat(s.quoteAsset()).isEqualTo("BTC");
        assertThat(s.tickScale() + s.stepScale()).isLessThanOrEqualTo(8);
        assertThat(m.klines(Symbol.of("PEPEUSDT"), Interval.H1, JAN_2024, JAN_2024 + DAY))
                .hasSize(24);
    }

    @Test
    void thirtyDaysOfOneSymbolAreFast() {
        MarketModel fresh = new MarketModel(SimConfig.defaults());
        long t0 = System.nanoTime();
        List<Candle> m1 =
                fresh.klines(Symbol.of("SOLUSDT"), Interval.M1, JAN_2024, JAN_2024 + 30 * DAY);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(m1).hasSize(30 * 1440);
        assertThat(ms).as("30 days of one symbol took %d ms", ms).isLessThan(5_000);
    }

    static double[] logReturns(List<Candle> c) {
        double[] r = new double[c.size() - 1];
        for (int i = 1; i < c.size(); i++) {
            r[i - 1] =
                    Math.log(c.get(i).close().doubleValue() / c.get(i - 1).close().doubleValue());
        }
        return r;
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }
}
