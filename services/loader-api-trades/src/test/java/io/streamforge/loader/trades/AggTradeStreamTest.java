package io.streamforge.loader.trades;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Id-continuity over segments delivered out of order (dump days first, REST for a missing day). */
class AggTradeStreamTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");

    static List<AggTrade> trades(long fromId, long toId) {
        List<AggTrade> out = new ArrayList<>();
        for (long id = fromId; id <= toId; id++) {
            out.add(
                    new AggTrade(
                            BTC,
                            id,
                            new BigDecimal("1"),
                            new BigDecimal("1"),
                            id,
                            id,
                            id * 10,
                            true,
                            true));
        }
        return out;
    }

    @Test
    void jumpsAreGapsWithIdsAndNeighbourTimesWhateverTheSegmentOrder() {
        AggTradeStream s = new AggTradeStream(null, null, BTC, "q");
        s.observe(trades(0, 99));
        s.observe(trades(100, 149));
        s.observe(trades(300, 399)); // a later dump day
        s.observe(trades(155, 299)); // REST for the missing day, delivered last; 150..154 absent
        s.observe(trades(380, 390)); // overlap (duplicates) changes nothing
        List<Gap> gaps = s.gaps(new TimeRange(0, 10_000));
        assertThat(gaps).hasSize(1);
        Gap g = gaps.get(0);
        assertThat(g.ids()).isEqualTo(new IdRange(150, 154));
        assertThat(g.range()).isEqualTo(new TimeRange(1490, 1551));
        assertThat(g.status()).isEqualTo(GapStatus.MISSING);
        assertThat(g.queueId()).isEqualTo("q");
        assertThat(g.reason()).isEqualTo("5 aggTrade id(s) missing: ids 150..154");
    }

    @Test
    void contiguousIdsHaveNoGap() {
        AggTradeStream s = new AggTradeStream(null, null, BTC, "q");
        s.observe(trades(10, 20));
        s.observe(trades(21, 30));
        assertThat(s.gaps(new TimeRange(0, 1_000))).isEmpty();
    }

    @Test
    void onlyGapsWithinTheLoadedRangeCountNotTheCoveredPartBetweenTwoLoadRanges() {
        AggTradeStream s = new AggTradeStream(null, null, BTC, "q");
        s.observe(trades(0, 99)); // first load range: times 0..990
        s.observe(trades(500, 549)); // second load range: times 5000..5490
        s.observe(trades(560, 599)); // 550..559 absent inside the second range
        assertThat(s.gaps(new TimeRange(0, 1_000))).isEmpty();
        List<Gap> second = s.gaps(new TimeRange(5_000, 6_000));
        assertThat(second).hasSize(1);
        assertThat(second.get(0).ids()).isEqualTo(new IdRange(550, 559));
    }

    @Test
    void aRestPageCreditsItsRangeUpToItsLastTradeTimeAndDumpPagesNothing() {
        AggTradeStream s = new AggTradeStream(null, null, BTC, "q");
        assertThat(s.pageCovered(trades(0, 9), Source.REST)).as("outside a REST range").isEmpty();
        s.restUncreditedFrom(500L);
        assertThat(s.pageCovered(trades(60, 69), Source.REST))
                .extracting(Received::range)
                .containsExactly(new TimeRange(500, 690));
        assertThat(s.pageCovered(trades(69, 69), Source.REST)).as("no time passed").isEmpty();
        assertThat(s.pageCovered(trades(70, 80), Source.REST))
                .extracting(Received::range)
                .containsExactly(new TimeRange(690, 800));
        assertThat(s.pageCovered(trades(81, 90), Source.DUMP)).isEmpty();
    }
}
