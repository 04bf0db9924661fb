package io.streamforge.binance.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.binance.DepthSnapshot;
import io.streamforge.binance.DepthUpdate;
import io.streamforge.binance.PriceLevel;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripted event sequences through the official snapshot + update-id procedure. */
class LocalOrderBookTest {
    private static final Symbol BNB = Symbol.of("BNBBTC");

    private final Deque<DepthSnapshot> snapshots = new ArrayDeque<>();
    private final List<DepthSnapshot> emittedSnapshots = new ArrayList<>();
    private final List<DepthUpdate> deltas = new ArrayList<>();
    private final List<String> resyncs = new ArrayList<>();
    private final LocalOrderBook book =
            new LocalOrderBook(
                    BNB,
                    s -> {
                        if (snapshots.isEmpty()) throw new IllegalStateException("no snapshot");
                        return snapshots.poll();
                    },
                    new LocalOrderBook.Listener() {
                        @Override
                        public void onSnapshot(DepthSnapshot b) {
                            emittedSnapshots.add(b);
                        }

                        @Override
                        public void onDelta(DepthUpdate applied) {
                            deltas.add(applied);
                        }

                        @Override
                        public void onResync(Symbol symbol, String reason) {
                            resyncs.add(reason);
                        }
                    });

    private static PriceLevel l(String p, String q) {
        return PriceLevel.parse(p, q);
    }

    private static DepthSnapshot snap(long id, List<PriceLevel> bids, List<PriceLevel> asks) {
        return new DepthSnapshot(BNB, id, bids, asks);
    }

    private static DepthUpdate upd(long first, long last, List<PriceLevel> b, List<PriceLevel> a) {
        return new DepthUpdate(BNB, 1_000L * last, first, last, b, a);
    }

    @Test
    void syncsDropsOldEventsAppliesStraddlingOneAndRemovesZeroQuantities() {
        snapshots.add(
                snap(
                        105,
                        List.of(l("10.00", "1"), l("9.5", "2")),
                        List.of(l("10.5", "3"), l("11", "4"))));
        book.onUpdate(upd(100, 104, List.of(l("9.9", "7")), List.of())); // u <= 105: dropped
        assertThat(book.synced()).isTrue();
        assertThat(deltas).isEmpty();
        book.onUpdate(upd(105, 108, List.of(l("10.0", "0"), l("9.8", "1.50")), List.of()));
        book.onUpdate(upd(109, 109, List.of(), List.of(l("10.4", "0.001"), l("11.000", "0"))));

        assertThat(book.lastUpdateId()).isEqualTo(109);
        assertThat(book.bids(10)).containsExactly(l("9.8", "1.5"), l("9.5", "2"));
        assertThat(book.asks(10)).containsExactly(l("10.4", "0.001"), l("10.5", "3"));
        assertThat(book.bestBid()).contains(l("9.8", "1.5"));
        assertThat(book.bestAsk().orElseThrow().price()).isEqualTo(new BigDecimal("10.4"));
        assertThat(emittedSnapshots).hasSize(1);
        assertThat(deltas).extracting(DepthUpdate::finalUpdateId).containsExactly(108L, 109L);
        assertThat(book.snapshotsFetched()).isEqualTo(1);
    }

    @Test
    void snapshotOlderThanFirstBufferedEventIsRefetched() {
        snapshots.add(snap(90, List.of(l("1", "1")), List.of()));
        snapshots.add(snap(101, List.of(l("2", "1")), List.of()));
        book.onUpdate(upd(100, 100, List.of(l("1.5", "1")), List.of()));
        assertThat(book.synced()).isFalse();
        assertThat(resyncs).singleElement().asString().contains("older than first buffered U 100");
        book.onUpdate(upd(101, 102, List.of(l("1.9", "3")), List.of()));
        assertThat(book.synced()).isTrue();
        assertThat(book.lastUpdateId()).isEqualTo(102);
        // 100 was before the snapshot; 101..102 straddles 101+1
        assertThat(book.bids(5)).containsExactly(l("2", "1"), l("1.9", "3"));
        assertThat(book.snapshotsFetched()).isEqualTo(2);
    }

    @Test
    void gapTriggersRebuildFromANewSnapshotWithoutLosingLaterEvents() {
        snapshots.add(snap(10, List.of(l("5", "1")), List.of(l("6", "1"))));
        book.onUpdate(upd(9, 11, List.of(l("5", "2")), List.of()));
        book.onUpdate(upd(12, 12, List.of(l("4", "1")), List.of()));
        assertThat(book.lastUpdateId()).isEqualTo(12);

        // 13..14 lost; the next snapshot is as of 15
        snapshots.add(snap(15, List.of(l("5", "9")), List.of(l("6", "2"))));
        book.onUpdate(upd(15, 16, List.of(l("4.5", "1")), List.of()));
        assertThat(resyncs).singleElement().asString().isEqualTo("gap: missed updates 13..14");
        assertThat(book.gaps()).isEqualTo(1);
        assertThat(book.synced()).isTrue();
        assertThat(book.lastUpdateId()).isEqualTo(16);
        assertThat(book.bids(5)).containsExactly(l("5", "9"), l("4.5", "1"));
        assertThat(emittedSnapshots).hasSize(2);
        assertThat(emittedSnapshots.get(1).lastUpdateId()).isEqualTo(15);
        book.onUpdate(upd(17, 17, List.of(), List.of(l("6", "0"))));
        assertThat(book.asks(5)).isEmpty();
    }

    @Test
    void firstEventAfterSnapshotMustStraddle() {
        snapshots.add(snap(50, List.of(), List.of()));
        snapshots.add(snap(60, List.of(l("3", "3")), List.of()));
        book.onUpdate(upd(40, 45, List.of(), List.of())); // dropped, book at 50
        assertThat(book.synced()).isTrue();
        book.onUpdate(upd(53, 60, List.of(l("1", "1")), List.of())); // 51..52 missing
        assertThat(book.gaps()).isEqualTo(1);
        assertThat(book.lastUpdateId()).isEqualTo(60);
        assertThat(book.bids(5)).containsExactly(l("3", "3"));
        // 40..45 was older than the first snapshot, 53..60 is inside the second one
        assertThat(book.ignoredUpdates()).isEqualTo(2);
    }

    @Test
    void duplicatesAndOldEventsAreIgnored() {
        snapshots.add(snap(6, List.of(), List.of()));
        book.onUpdate(upd(6, 7, List.of(l("1", "1")), List.of()));
        book.onUpdate(upd(6, 7, List.of(l("1", "5")), List.of()));
        book.onUpdate(upd(3, 4, List.of(l("1", "6")), List.of()));
        assertThat(book.bids(5)).containsExactly(l("1", "1"));
        assertThat(book.ignoredUpdates()).isEqualTo(2);
        assertThat(book.appliedUpdates()).isEqualTo(1);
    }

    @Test
    void badInputIsRejectedWithItsName() {
        DepthUpdate other = new DepthUpdate(Symbol.of("ETHBTC"), 0, 1, 1, List.of(), List.of());
        assertThatThrownBy(() -> book.onUpdate(other)).hasMessageContaining("ETHBTC");
        assertThatThrownBy(() -> new DepthUpdate(BNB, 0, 5, 4, List.of(), List.of()))
                .hasMessageContaining("u 4 < U 5");
        assertThatThrownBy(() -> PriceLevel.parse("1", "abc")).hasMessageContaining("qty");
        assertThatThrownBy(() -> new LocalOrderBook(BNB, s -> null, null, 0))
                .hasMessageContaining("maxBuffered");
    }
}
