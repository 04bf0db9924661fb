package io.streamforge.loader.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exactly-once sequencing, backfill and gap reports of one aggTrade stream (no network). */
class IdSequencerTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final long MIN_US = 60_000_000L;

    final List<MarketRecord> published = new ArrayList<>();
    final List<Boolean> backfilled = new ArrayList<>();
    final List<Sink.Gap> gaps = new ArrayList<>();
    final List<AggTrade> exchange = new ArrayList<>();
    final List<Long> fetchedFrom = new ArrayList<>();
    RuntimeException failWith;

    final Sink sink =
            new Sink() {
                @Override
                public void publish(MarketRecord record, boolean wasBackfilled) {
                    published.add(record);
                    backfilled.add(wasBackfilled);
                }

                @Override
                public void gap(Gap gap) {
                    gaps.add(gap);
                }
            };

    static AggTrade trade(long id, long timeUs) {
        return new AggTrade(
                BTC, id, new BigDecimal("1.5"), BigDecimal.ONE, id, id, timeUs, false, true);
    }

    IdSequencer sequencer() {
        return new IdSequencer(
                "btcusdt@aggTrade",
                BTC,
                (from, limit) -> {
                    fetchedFrom.add(from);
                    if (failWith != null) throw failWith;
                    return exchange.stream().filter(t -> t.aggId() >= from).limit(limit).toList();
                },
                sink,
                5 * MIN_US);
    }

    List<Long> ids() {
        return published.stream().map(IdSequencer::idOf).toList();
    }

    @Test
    void dropsDuplicatesAndBackfillsAHoleBeforeTheLiveEvent() {
        for (long i = 1; i <= 6; i++) exchange.add(trade(i, i * 1_000_000));
        IdSequencer s = sequencer();
        s.live(trade(1, 1_000_000));
        s.live(trade(2, 2_000_000));
        s.live(trade(2, 2_000_000));
        s.live(trade(6, 6_000_000));
        s.live(trade(5, 5_000_000));
        assertThat(ids()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(backfilled).containsExactly(false, false, true, true, true, true);
        assertThat(fetchedFrom).containsExactly(3L);
        // the repeated 2, the live 6 (already fetched by the backfill page) and the late 5
        assertThat(s.duplicates()).isEqualTo(3);
        assertThat(gaps).isEmpty();
    }

    @Test
    void afterADropFetchesPagesUntilAShortPageAndLiveOverlapIsDropped() {
        for (long i = 0; i < 2_500; i++) exchange.add(trade(i, i * 1_000));
        IdSequencer s = sequencer();
        s.live(exchange.get(0));
        s.dropped("server closed");
        assertThat(fetchedFrom).containsExactly(1L, 1_001L, 2_001L);
        s.live(exchange.get(2_499));
        s.live(exchange.get(2_400));
        assertThat(ids()).hasSize(2_500).doesNotHaveDuplicates().isSorted();
        assertThat(s.duplicates()).isEqualTo(2);
    }

    @Test
    void aDropBeforeAnythingWasSeenFetchesNothing() {
        sequencer().dropped("idle timeout");
        assertThat(fetchedFrom).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void idsTheExchangeDoesNotReturnAreAMissingGap() {
        IdSequencer s = sequencer();
        s.live(trade(1, 1_000_000));
        s.live(trade(4, 4_000_000));
        assertThat(ids()).containsExactly(1L, 4L);
        assertThat(gaps)
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.fromId()).isEqualTo(1);
                            assertThat(g.toId()).isEqualTo(4);
                            assertThat(g.fromUs()).isEqualTo(1_000_000);
                            assertThat(g.toUs()).isEqualTo(4_000_000);
                            assertThat(g.reason())
                                    .startsWith("missing: exchange returned nothing for ids 2..3");
                        });
    }

    @Test
    void aFailingBackfillIsReportedWithTheError() {
        failWith = new IllegalStateException("HTTP 503 after 5 retries");
        IdSequencer s = sequencer();
        s.live(trade(1, 1_000_000));
        s.dropped("closed");
        assertThat(gaps).isEmpty(); // no bound yet: retried when the next live event shows the hole
        s.live(trade(3, 3_000_000));
        assertThat(fetchedFrom).containsExactly(2L, 2L);
        assertThat(gaps)
                .singleElement()
                .extracting(Sink.Gap::reason)
                .asString()
                .isEqualTo("missing: backfill failed: HTTP 503 after 5 retries");
        assertThat(ids()).containsExactly(1L, 3L);
    }

    @Test
    void aLongSilenceWithContiguousIdsIsAnExpectedGap() {
        IdSequencer s = sequencer();
        s.live(trade(1, MIN_US));
        s.live(trade(2, 3 * MIN_US));
        s.live(trade(3, 30 * MIN_US));
        assertThat(ids()).containsExactly(1L, 2L, 3L);
        assertThat(gaps)
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.fromId()).isEqualTo(2);
                            assertThat(g.toId()).isEqualTo(3);
                            assertThat(g.fromUs()).isEqualTo(3 * MIN_US);
                            assertThat(g.toUs()).isEqualTo(30 * MIN_US);
                            assertThat(g.reason()).startsWith("expected:").contains("1620 s");
                        });
    }
}
