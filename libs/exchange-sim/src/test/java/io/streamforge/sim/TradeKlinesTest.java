package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sub-day klines aggregated trade by trade, checked against the generated day itself. */
class TradeKlinesTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final long MIN_US = 60_000_000L;
    private static final long SEC_US = 1_000_000L;
    private static final SimConfig CONFIG =
            SimConfig.defaults()
                    .withSymbols(List.of(BTC))
                    .withAggTradesPerDay(1_440)
                    .withGenesisDate(LocalDate.of(2024, 1, 1));
    private static final long DAY1 = LocalDate.of(2024, 1, 2).toEpochDay() * DayGenerator.DAY_US;

    private final SymbolSpec spec = SymbolSpec.of(BTC, CONFIG.seed());
    private final ModelAdjustments adjustments = new ModelAdjustments(CONFIG.seed());
    private final DayStore days = days();
    private final TradeKlines klines = new TradeKlines(days, adjustments);

    private DayStore days() {
        Map<Symbol, SymbolSpec> specs = new LinkedHashMap<>();
        specs.put(BTC, spec);
        return new DayStore(CONFIG, specs, adjustments);
    }

    @Test
    void eachMinuteCountsExactlyTheTradesOfTheDayInIt() {
        List<Candle> hour =
                klines.klines(spec, Interval.M1, DAY1, DAY1 + 60 * MIN_US, Long.MAX_VALUE);
        assertThat(hour).hasSize(60);
        DayData day = days.day(BTC, Math.floorDiv(DAY1, DayGenerator.DAY_US));
        for (int m = 0; m < 60; m++) {
            long open = DAY1 + m * MIN_US;
            assertThat(hour.get(m).openTimeUs()).isEqualTo(open);
            assertThat(hour.get(m).tradeCount())
                    .as("minute %d", m)
                    .isEqualTo(tradesIn(day, open, open + MIN_US));
        }
    }

    @Test
    void asOfCutsTheCurrentCandleAndDropsLaterOnes() {
        long asOf = DAY1 + 2 * MIN_US + 30 * SEC_US;
        List<Candle> cut = klines.klines(spec, Interval.M1, DAY1, asOf, asOf);
        assertThat(cut)
                .extracting(Candle::openTimeUs)
                .containsExactly(DAY1, DAY1 + MIN_US, DAY1 + 2 * MIN_US);
        DayData day = days.day(BTC, Math.floorDiv(DAY1, DayGenerator.DAY_US));
        assertThat(cut.get(2).tradeCount()).isEqualTo(tradesIn(day, DAY1 + 2 * MIN_US, asOf));
    }

    @Test
    void secondsWithoutTradesAreFlatAtThePreviousCloseExceptInMaintenance() {
        List<Candle> secs = klines.klines(spec, Interval.S1, DAY1, DAY1 + MIN_US, Long.MAX_VALUE);
        assertThat(secs).as("every second of the minute").hasSize(60);
        for (int i = 1; i < secs.size(); i++) {
            Candle c = secs.get(i);
            if (c.tradeCount() == 0) {
                assertThat(c.volume()).isEqualByComparingTo(BigDecimal.ZERO);
                assertThat(c.open()).isEqualByComparingTo(secs.get(i - 1).close());
                assertThat(c.high()).isEqualByComparingTo(c.low());
            }
        }
        assertThat(secs).anyMatch(c -> c.tradeCount() == 0);
        adjustments.setMaintenance(List.of(new TimeRange(DAY1, DAY1 + MIN_US)));
        days.clear();
        assertThat(klines.klines(spec, Interval.S1, DAY1, DAY1 + MIN_US, Long.MAX_VALUE))
                .as("no trades and no flat candles inside a maintenance window")
                .isEmpty();
    }

    private static long tradesIn(DayData day, long fromUs, long toUs) {
        long n = 0;
        for (int i = 0; i < day.size(); i++) {
            if (day.timeUs[i] >= fromUs && day.timeUs[i] < toUs) {
                n += day.tradesInAgg[i];
            }
        }
        return n;
    }
}
