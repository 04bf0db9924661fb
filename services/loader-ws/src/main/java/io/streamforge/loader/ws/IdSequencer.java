package io.streamforge.loader.ws;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once sequencing of one id-keyed stream (aggTrade {@code a}, trade {@code t}): a "last id"
 * watermark drops overlaps (rotation, reconnect, backfill vs live), a hole in the ids or a reported
 * drop triggers a REST backfill from the watermark, and what REST cannot supply, or an event-time
 * silence longer than the threshold, is reported as a gap. Not thread-safe: one pipeline thread.
 */
final class IdSequencer {
    private static final Logger LOG = LoggerFactory.getLogger(IdSequencer.class);

    /** One REST page of records with ids {@code >= fromId}, ascending. */
    @FunctionalInterface
    interface Fetcher {
        List<? extends MarketRecord> page(long fromId, int limit);
    }

    static final int PAGE = 1000;

    private final String stream;
    private final Symbol symbol;
    private final Fetcher fetcher;
    private final Sink sink;
    private final long silenceUs;
    private long lastId = -1;
    private long lastTimeUs = -1;
    private long duplicates;

    IdSequencer(String stream, Symbol symbol, Fetcher fetcher, Sink sink, long silenceUs) {
        this.stream = stream;
        this.symbol = symbol;
        this.fetcher = fetcher;
        this.sink = sink;
        this.silenceUs = silenceUs;
    }

    static long idOf(MarketRecord r) {
        if (r instanceof AggTrade a) return a.aggId();
        if (r instanceof Trade t) return t.tradeId();
        throw new IllegalArgumentException("not an id-keyed record: " + r.kind());
    }

    long lastId() {
        return lastId;
    }

    long duplicates() {
        return duplicates;
    }

    /** A live event: backfills a hole before it, then publishes it unless already seen. */
    void live(MarketRecord r) {
        long id = idOf(r);
        if (id <= lastId) {
            duplicates++;
            return;
        }
        if (lastId >= 0 && id > lastId + 1) {
            backfill(id, r.timeUs(), "hole before live id " + id);
            if (id <= lastId) {
                duplicates++;
                return;
            }
        }
        accept(r, false);
    }

    /** The feed reported an unplanned drop: fetch everything after the watermark now. */
    void dropped(String reason) {
        if (lastId < 0) {
            return; // nothing seen yet: the stream starts at subscription, nothing to fill
        }
        backfill(Long.MAX_VALUE, -1, reason);
    }

    /**
     * Pages REST from the watermark until {@code untilId} (exclusive) or the exchange has nothing
     * more; reports what stays missing when a bound is known.
     */
    private void backfill(long untilId, long untilUs, String why) {
        String failure = null;
        try {
            while (lastId < untilId - 1) {
                long before = lastId;
                List<? extends MarketRecord> page = fetcher.page(lastId + 1, PAGE);
                for (MarketRecord r : page) {
                    if (idOf(r) > lastId) {
                        accept(r, true);
                    } else {
                        duplicates++;
                    }
                }
                if (page.size() < PAGE || lastId == before) break;
            }
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.warn("{}: backfill after '{}' failed: {}", stream, why, e.toString());
        }
        if (untilId != Long.MAX_VALUE && lastId < untilId - 1) {
            String reason =
                    failure != null
                            ? "missing: backfill failed: " + failure
                            : "missing: exchange returned nothing for ids "
                                    + (lastId + 1)
                                    + ".."
                                    + (untilId - 1);
            sink.gap(
                    new Sink.Gap(
                            stream, symbol.value(), lastId, untilId, lastTimeUs, untilUs, reason));
        }
    }

    private void accept(MarketRecord r, boolean backfilled) {
        long id = idOf(r);
        if (lastId >= 0 && id == lastId + 1 && r.timeUs() - lastTimeUs > silenceUs) {
            sink.gap(
                    new Sink.Gap(
                            stream,
                            symbol.value(),
                            lastId,
                            id,
                            lastTimeUs,
                            r.timeUs(),
                            "expected: ids contiguous, no trades on the exchange for "
                                    + (r.timeUs() - lastTimeUs) / 1_000_000
                                    + " s (maintenance)"));
        }
        sink.publish(r, backfilled);
        lastId = id;
        lastTimeUs = r.timeUs();
    }
}
