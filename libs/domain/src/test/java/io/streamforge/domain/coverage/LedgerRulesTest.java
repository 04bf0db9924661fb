package io.streamforge.domain.coverage;

import static io.streamforge.domain.coverage.RangesTest.r;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerRulesTest {
    static final CoverageKey KEY = CoverageKey.klines(Symbol.of("BTCUSDT"), Interval.M1);

    static Received rec(long start, long end) {
        return new Received(KEY, r(start, end), Source.REST, "q");
    }

    static Gap gap(long start, long end, GapStatus status, String reason) {
        return new Gap(KEY, r(start, end), status, reason, null, "q");
    }

    @Test
    void absorbingAContainedRangeChangesNothing() {
        assertThat(LedgerRules.absorb(List.of(rec(0, 100)), rec(10, 20)).isEmpty()).isTrue();
        assertThat(LedgerRules.absorb(List.of(rec(0, 100)), rec(0, 100)).isEmpty()).isTrue();
    }

    @Test
    void absorbingReplacesTouchingRangesByTheirUnion() {
        var change = LedgerRules.absorb(List.of(rec(0, 10), rec(20, 30)), rec(10, 20));
        assertThat(change.removed()).containsExactly(rec(0, 10), rec(20, 30));
        assertThat(change.added()).containsExactly(rec(0, 30));
        assertThat(LedgerRules.absorb(List.of(), rec(5, 6)).added()).containsExactly(rec(5, 6));
    }

    @Test
    void absorbRejectsRowsOfAnotherSourceOrQueue() {
        Received ws = new Received(KEY, r(0, 10), Source.WS, "q");
        assertThatThrownBy(() -> LedgerRules.absorb(List.of(ws), rec(5, 20)))
                .isInstanceOf(IllegalArgumentException.class);
        Received other = new Received(KEY, r(0, 10), Source.REST, "other");
        assertThatThrownBy(() -> LedgerRules.absorb(List.of(other), rec(5, 20)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paintingSplitsTheOverlappedGapAndKeepsTheRemainders() {
        Gap old = gap(0, 100, GapStatus.MISSING, "no kline");
        Gap fill = gap(40, 60, GapStatus.FILLED, "filled from rest");
        var change = LedgerRules.paint(List.of(old), fill);
        assertThat(change.removed()).containsExactly(old);
        assertThat(change.added())
                .containsExactlyInAnyOrder(
                        gap(0, 40, GapStatus.MISSING, "no kline"),
                        gap(60, 100, GapStatus.MISSING, "no kline"),
                        fill);
    }

    @Test
    void paintingTheSameStateAgainChangesNothing() {
        Gap old = gap(0, 100, GapStatus.EXPECTED, "maintenance");
        assertThat(LedgerRules.paint(List.of(old), old).isEmpty()).isTrue();
        assertThat(
                        LedgerRules.paint(
                                        List.of(old),
                                        gap(10, 20, GapStatus.EXPECTED, "maintenance"))
                                .isEmpty())
                .isTrue();
        assertThat(
                        LedgerRules.paint(List.of(old), gap(10, 20, GapStatus.EXPECTED, "halt"))
                                .isEmpty())
                .isFalse();
    }

    @Test
    void paintingDropsIdsOfTrimmedPieces() {
        Gap withIds = new Gap(KEY, r(0, 100), GapStatus.MISSING, "ids", new IdRange(5, 9), "q");
        var change = LedgerRules.paint(List.of(withIds), gap(50, 100, GapStatus.EXPECTED, "x"));
        assertThat(change.added().get(0).ids()).isNull();
        assertThat(change.added().get(0).range()).isEqualTo(r(0, 50));
    }

    @Test
    void coalesceMergesPerKeySourceAndQueue() {
        Received ws = new Received(KEY, r(0, 10), Source.WS, "q");
        assertThat(LedgerRules.coalesce(List.of(rec(10, 20), ws, rec(0, 10), rec(30, 40))))
                .containsExactly(rec(0, 20), ws, rec(30, 40));
    }
}
