package io.streamforge.loader.trades;

import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.dump.DumpFile;
import io.streamforge.binance.dump.DumpGap;
import io.streamforge.binance.dump.DumpReader;
import io.streamforge.binance.dump.DumpResult;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapFiller;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.Ranges;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.runtime.SourceLoad;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * AggTrades of one symbol for {@link LoaderJob#load}: received = every segment (a dump file, a REST
 * range) the source answered for, and within a REST range each page up to its last trade's time;
 * gaps = jumps in agg ids (ADR 1301: ids a+1..b-1 over [time(a), time(b)+1µs)), found over all
 * segments whatever their order by keeping only id runs (a few per segment, not the trades). A gap
 * is filled from REST only by the missing ids themselves.
 */
final class AggTradeStream implements SourceLoad.Stream<AggTrade> {
    /** A run of consecutive agg ids with the times of its ends. */
    private static final class Run {
        long firstId;
        long firstUs;
        long lastId;
        long lastUs;

        Run(AggTrade t) {
            firstId = lastId = t.aggId();
            firstUs = lastUs = t.timeUs();
        }
    }

    private final BinanceRestClient client;
    private final DumpReader dumps;
    private final Symbol symbol;
    private final CoverageKey key;
    private final String queueId;
    private final List<Run> runs = new ArrayList<>();
    private final Map<TimeRange, IdRange> gapIds = new HashMap<>();
    private Run current;

    /** Within a REST range: where the part not yet credited starts (null outside one). */
    private Long restUncreditedFromUs;

    AggTradeStream(BinanceRestClient client, DumpReader dumps, Symbol symbol, String queueId) {
        this.client = client;
        this.dumps = dumps;
        this.symbol = symbol;
        this.key = CoverageKey.aggTrades(symbol);
        this.queueId = queueId;
    }

    @Override
    public void rest(TimeRange range, Consumer<List<AggTrade>> pages) {
        current = null;
        restUncreditedFrom(range.startUs());
        try {
            client.aggTrades(symbol, range, pages);
        } finally {
            restUncreditedFrom(null);
        }
    }

    /** Starts (a µs time) or ends (null) crediting REST pages. */
    void restUncreditedFrom(Long fromUs) {
        restUncreditedFromUs = fromUs;
    }

    @Override
    public SourceLoad.Dumped dump(TimeRange range, long nowUs, Consumer<List<AggTrade>> pages) {
        current = null;
        DumpResult res = dumps.aggTrades(symbol, range, nowUs, pages);
        List<TimeRange> covered = new ArrayList<>();
        for (DumpFile f : res.covered()) {
            Ranges.intersect(f.range(), range).ifPresent(covered::add);
        }
        List<Gap> missing = new ArrayList<>();
        for (DumpGap g : res.gaps()) {
            String why = "dump " + g.reason() + ": " + g.detail();
            Ranges.intersect(g.range(), range)
                    .ifPresent(r -> missing.add(Gap.missing(key, r, why, queueId)));
        }
        return new SourceLoad.Dumped(covered, missing);
    }

    /**
     * A REST page credits its range up to (not including) the time of its last trade: every trade
     * before that time has been delivered (ids page in time order), trades at that time may go on
     * in the next page. So an interrupted load leaves in the ledger exactly what it published, and
     * a resumed one (ADR 3401) fetches only the rest. Dump pages credit nothing (their files are
     * credited after the read).
     */
    @Override
    public List<Received> pageCovered(List<AggTrade> page, Source source) {
        Long from = restUncreditedFromUs;
        if (source != Source.REST || from == null || page.isEmpty()) {
            return List.of();
        }
        long to = page.get(page.size() - 1).timeUs();
        if (to <= from) {
            return List.of();
        }
        restUncreditedFromUs = to;
        return List.of(new Received(key, new TimeRange(from, to), source, queueId));
    }

    @Override
    public List<Received> segmentCovered(TimeRange segment, Source source) {
        return List.of(new Received(key, segment, source, queueId));
    }

    @Override
    public void observe(List<AggTrade> page) {
        for (AggTrade t : page) {
            if (current != null && t.aggId() == current.lastId + 1) {
                current.lastId = t.aggId();
                current.lastUs = t.timeUs();
            } else if (current == null
                    || t.aggId() < current.firstId
                    || t.aggId() > current.lastId) {
                current = new Run(t);
                runs.add(current);
            }
        }
    }

    @Override
    public List<Gap> gaps(TimeRange expected) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(r -> r.firstId));
        List<Gap> out = new ArrayList<>();
        Run prev = null;
        for (Run r : sorted) {
            if (prev != null
                    && r.firstId > prev.lastId + 1
                    && prev.lastUs >= expected.startUs()
                    && r.firstUs < expected.endUs()) { // not the ledger-covered part between
                IdRange ids = new IdRange(prev.lastId + 1, r.firstId - 1);
                TimeRange around = new TimeRange(prev.lastUs, r.firstUs + 1);
                String reason = ids.count() + " aggTrade id(s) missing: " + ids;
                out.add(new Gap(key, around, GapStatus.MISSING, reason, ids, queueId));
                gapIds.put(around, ids);
            }
            if (prev == null || r.lastId > prev.lastId) {
                prev = r;
            }
        }
        return out;
    }

    @Override
    public GapFiller<AggTrade> filler(CoverageLedger facts, Consumer<List<AggTrade>> sink) {
        return new GapFiller<>(
                facts,
                Source.REST,
                r -> {
                    IdRange ids = gapIds.get(r);
                    return client.aggTrades(symbol, r).stream()
                            .filter(
                                    t ->
                                            ids == null
                                                    || (t.aggId() >= ids.firstId()
                                                            && t.aggId() <= ids.lastId()))
                            .toList();
                },
                sink);
    }
}
