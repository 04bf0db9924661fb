package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The day cache of the market model: generation from the seed, LRU bound, uncached reads. */
class DayStoreTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final long DAY_US = DayGenerator.DAY_US;
    private static final SimConfig CONFIG =
            SimConfig.defaults()
                    .withSymbols(List.of(BTC))
                    .withAggTradesPerDay(1_440)
                    .withGenesisDate(LocalDate.of(2024, 1, 1))
                    .withDayCacheSize(2);
    private static final long DAY0 = LocalDate.of(2024, 1, 1).toEpochDay();

    private final ModelAdjustments adjustments = new ModelAdjustments(CONFIG.seed());
    private final DayStore days = store(adjustments);

    private static DayStore store(ModelAdjustments adjustments) {
        Map<Symbol, SymbolSpec> specs = new LinkedHashMap<>();
        specs.put(BTC, SymbolSpec.of(BTC, CONFIG.seed()));
        return new DayStore(CONFIG, specs, adjustments);
    }

    @Test
    void aDayIsGeneratedOnceThenServedFromTheCache() {
        DayData first = days.day(BTC, DAY0);
        assertThat(days.day(BTC, DAY0)).isSameAs(first);
        assertThat(first.size()).isEqualTo(1_440);
        assertThat(first.dayStartUs).isEqualTo(DAY0 * DAY_US);
        assertThat(days.genesisUs()).isEqualTo(Micros.of(LocalDate.of(2024, 1, 1)));
    }

    @Test
    void theSameSeedGivesTheSameDayInAnotherStore() {
        DayData here = days.day(BTC, DAY0 + 3);
        DayData there = store(new ModelAdjustments(CONFIG.seed())).day(BTC, DAY0 + 3);
        assertThat(there).isNotSameAs(here);
        assertThat(there.timeUs).isEqualTo(here.timeUs);
        assertThat(there.priceTicks).isEqualTo(here.priceTicks);
        assertThat(there.firstAggId).isEqualTo(here.firstAggId).isEqualTo(3 * 1_440L);
    }

    @Test
    void theLeastRecentlyUsedDayLeavesAFullCache() {
        DayData d0 = days.day(BTC, DAY0);
        DayData d1 = days.day(BTC, DAY0 + 1);
        assertThat(days.day(BTC, DAY0)).as("touched: now the most recent").isSameAs(d0);
        days.day(BTC, DAY0 + 2); // cache of 2: evicts DAY0 + 1
        assertThat(days.day(BTC, DAY0)).isSameAs(d0);
        DayData again = days.day(BTC, DAY0 + 1);
        assertThat(again).as("regenerated").isNotSameAs(d1);
        assertThat(again.timeUs).isEqualTo(d1.timeUs);
    }

    @Test
    void anUncachedReadUsesTheCacheButDoesNotFillIt() {
        DayData cached = days.day(BTC, DAY0);
        assertThat(days.dayUncached(BTC, DAY0)).isSameAs(cached);
        DayData loose = days.dayUncached(BTC, DAY0 + 5);
        assertThat(days.dayUncached(BTC, DAY0 + 5)).isNotSameAs(loose);
        assertThat(days.day(BTC, DAY0)).as("still cached").isSameAs(cached);
    }

    @Test
    void maintenanceClosesMinutesOfDaysGeneratedAfterTheCacheIsCleared() {
        long start = (DAY0 + 1) * DAY_US + 3_600_000_000L;
        TimeRange window = new TimeRange(start, start + 2 * 3_600_000_000L);
        DayData before = days.day(BTC, DAY0 + 1);
        assertThat(tradesIn(before, window)).isPositive();
        adjustments.setMaintenance(List.of(window));
        assertThat(days.day(BTC, DAY0 + 1)).as("cached until cleared").isSameAs(before);
        days.clear();
        DayData after = days.day(BTC, DAY0 + 1);
        assertThat(tradesIn(after, window)).isZero();
        assertThat(after.size()).as("the day keeps its trade count").isEqualTo(1_440);
        assertThat(after.firstAggId).isEqualTo(before.firstAggId);
    }

    private static int tradesIn(DayData d, TimeRange window) {
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            n += window.contains(d.timeUs[i]) ? 1 : 0;
        }
        return n;
    }
}
