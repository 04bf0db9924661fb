package io.streamforge.loader.candles;

import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.dump.DumpFile;
import io.streamforge.binance.dump.DumpGap;
import io.streamforge.binance.dump.DumpReader;
import io.streamforge.binance.dump.DumpResult;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.Coverage;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapFiller;
import io.streamforge.domain.coverage.Ranges;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.runtime.SourceLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Klines of one symbol and interval for {@link LoaderJob#load}: REST or dump pages; received = the
 * intervals of the candles delivered; gaps = open times missing in the expected range (whole
 * intervals), filled from REST or marked expected when REST has none either.
 */
final class KlineStream implements SourceLoad.Stream<Candle> {
    private final BinanceRestClient client;
    private final DumpReader dumps;
    private final Symbol symbol;
    private final Interval interval;
    private final CoverageKey key;
    private final String queueId;
    private List<TimeRange> seen = new ArrayList<>();

    KlineStream(
            BinanceRestClient client,
            DumpReader dumps,
            Symbol symbol,
            Interval interval,
            String queueId) {
        this.client = client;
        this.dumps = dumps;
        this.symbol = symbol;
        this.interval = interval;
        this.key = CoverageKey.klines(symbol, interval);
        this.queueId = queueId;
    }

    @Override
    public void rest(TimeRange range, Consumer<List<Candle>> pages) {
        client.klines(symbol, interval, range, pages);
    }

    @Override
    public SourceLoad.Dumped dump(TimeRange range, long nowUs, Consumer<List<Candle>> pages) {
        return dumped(dumps.klines(symbol, interval, range, nowUs, pages), range, key, queueId);
    }

    /** Verified file ranges (clipped) and one missing gap per file gap, naming the reason. */
    static SourceLoad.Dumped dumped(
            DumpResult res, TimeRange range, CoverageKey key, String queueId) {
        List<TimeRange> covered = new ArrayList<>();
        for (DumpFile f : res.covered()) {
            Ranges.intersect(f.range(), range).ifPresent(covered::add);
        }
        List<Gap> missing = new ArrayList<>();
        for (DumpGap g : res.gaps()) {
            Ranges.intersect(g.range(), range)
                    .ifPresent(
                            r ->
                                    missing.add(
                                            Gap.missing(
                                                    key,
                                                    r,
                                                    "dump " + g.reason() + ": " + g.detail(),
                                                    queueId)));
        }
        return new SourceLoad.Dumped(covered, missing);
    }

    @Override
    public List<Received> pageCovered(List<Candle> page, Source source) {
        List<Received> out = new ArrayList<>();
        for (TimeRange r : covered(page)) {
            out.add(new Received(key, r, source, queueId));
        }
        return out;
    }

    @Override
    public List<Received> segmentCovered(TimeRange segment, Source source) {
        return List.of();
    }

    @Override
    public void observe(List<Candle> page) {
        seen.addAll(covered(page));
        if (seen.size() > 256) {
            seen = Ranges.merge(seen);
        }
    }

    private List<TimeRange> covered(List<Candle> page) {
        return Coverage.klineCovered(
                interval, page.stream().mapToLong(Candle::openTimeUs).sorted().toArray());
    }

    @Override
    public List<Gap> gaps(TimeRange expected) {
        long first = interval.openTimeOf(expected.startUs());
        if (first < expected.startUs()) {
            first = interval.nextOpenTime(first);
        }
        long lastOpen = interval.openTimeOf(expected.endUs() - 1);
        if (lastOpen < first) {
            return List.of();
        }
        TimeRange aligned = new TimeRange(first, interval.nextOpenTime(lastOpen));
        List<Gap> out = new ArrayList<>();
        for (TimeRange hole : Ranges.diff(aligned, seen)) {
            String reason = "no kline from " + Micros.toInstant(hole.startUs());
            out.add(Gap.missing(key, hole, reason, queueId));
        }
        return out;
    }

    @Override
    public GapFiller<Candle> filler(CoverageLedger facts, Consumer<List<Candle>> sink) {
        return GapFiller.forCandles(
                facts, Source.REST, interval, r -> client.klines(symbol, interval, r), sink);
    }
}
