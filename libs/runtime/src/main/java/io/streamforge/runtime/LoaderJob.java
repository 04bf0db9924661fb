package io.streamforge.runtime;

import io.micrometer.core.instrument.Counter;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapFiller;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.Ranges;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.kafka.DataPublisher;
import io.streamforge.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The shared body of the loaders: the common settings (one reader for TIME_RANGE, KAFKA_TOPIC,
 * TOPIC_PARTITIONS, LOADER_CONCURRENCY, SOURCE, DUMP_*, BINANCE_*), then load every symbol (bounded
 * parallelism) through a source, publish each page to the queue's data topic keyed by symbol,
 * publish the coverage facts (ADR 1701) after the records they describe, send {@code gap}
 * telemetry, report progress, and on success write the end-of-stream markers. On a stop command the
 * load ends after the current page and no marker is written.
 */
public final class LoaderJob {
    /** Where a loader takes its data from (SOURCE). */
    public enum SourceMode {
        /** REST API only. */
        REST,
        /** data.binance.vision files only; unavailable files are recorded as missing gaps. */
        DUMP,
        /** dump files for whole days/months, REST for the tail, missing files and holes. */
        AUTO;

        static SourceMode parse(String v) {
            try {
                return valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected rest, dump or auto, got '" + v + "'");
            }
        }
    }

    /** BINANCE_* values (mapped onto the client config by the loaders). */
    public record BinanceEnv(
            String baseUrl, int weightLimit, int maxRetries, boolean microseconds) {}

    /** The settings every loader shares. {@code dumpDir} is null unless DUMP_DIR is set. */
    public record Settings(
            TimeRange range,
            String topic,
            int partitions,
            int concurrency,
            SourceMode source,
            String dumpBaseUrl,
            String dumpDir,
            BinanceEnv binance) {}

    /** Default weight limit per minute (Binance spot REQUEST_WEIGHT). */
    public static final int DEFAULT_WEIGHT_LIMIT = 6000;

    /**
     * Reads TIME_RANGE (required), KAFKA_TOPIC (queue id), TOPIC_PARTITIONS (3), LOADER_CONCURRENCY
     * (2), SOURCE (rest|dump|auto, default rest), DUMP_BASE_URL (https://data.binance.vision),
     * DUMP_DIR (local mirror, wins over the URL), BINANCE_BASE_URL (https://api.binance.com),
     * BINANCE_WEIGHT_LIMIT (6000), BINANCE_MAX_RETRIES (5), BINANCE_TIME_UNIT (MICROSECOND).
     */
    public static Settings settings(ConfigReader r, WorkerConfig common) {
        TimeRange range = r.requiredParsed("TIME_RANGE", TimeRange::parseDays);
        SourceMode source = r.parsed("SOURCE", SourceMode::parse, SourceMode.REST);
        String dumpBase = r.optional("DUMP_BASE_URL", "https://data.binance.vision");
        String base = r.optional("BINANCE_BASE_URL", "https://api.binance.com");
        for (String[] u :
                new String[][] {{"DUMP_BASE_URL", dumpBase}, {"BINANCE_BASE_URL", base}}) {
            if (!u[1].matches("https?://[^/\\s]+(/\\S*)?")) {
                r.problem(
                        "invalid " + u[0] + ": expected http(s)://host[:port], got '" + u[1] + "'");
            }
        }
        BinanceEnv binance =
                new BinanceEnv(
                        base,
                        r.intValue("BINANCE_WEIGHT_LIMIT", DEFAULT_WEIGHT_LIMIT, 1, 1_000_000),
                        r.intValue("BINANCE_MAX_RETRIES", 5, 0, 100),
                        r.parsed("BINANCE_TIME_UNIT", LoaderJob::microseconds, true));
        return new Settings(
                range,
                r.optional("KAFKA_TOPIC", common.queueId()),
                r.intValue("TOPIC_PARTITIONS", 3, 1, 1000),
                r.intValue("LOADER_CONCURRENCY", 2, 1, 64),
                source,
                dumpBase,
                r.optional("DUMP_DIR", null),
                binance);
    }

    /** BINANCE_TIME_UNIT: MICROSECOND (default; exact trade times) or MILLISECOND. */
    static boolean microseconds(String u) {
        if (u.equals("MICROSECOND") || u.equals("MILLISECOND")) {
            return u.equals("MICROSECOND");
        }
        throw new IllegalArgumentException("expected MICROSECOND or MILLISECOND, got " + u);
    }

    /** Where one symbol's load hands its pages and coverage facts. */
    public interface SymbolSink {
        /** Publishes records (in order); throws to abandon the load after a stop command. */
        void page(List<? extends MarketRecord> records);

        /**
         * Publishes coverage facts after the records they describe, and sends {@code gap} telemetry
         * for every gap state.
         */
        void coverage(List<Received> received, List<Gap> gaps);
    }

    /** Loads one symbol, handing pages and coverage facts to the sink in order. */
    @FunctionalInterface
    public interface SymbolSource {
        void load(Symbol symbol, SymbolSink sink) throws Exception;
    }

    /** What dump files gave for a range: the ranges of verified files, and missing gaps. */
    public record Dumped(List<TimeRange> covered, List<Gap> missing) {}

    /** The stream-specific parts of one symbol's load from rest|dump|auto (stateful). */
    public interface Stream<R extends MarketRecord> {
        void rest(TimeRange range, Consumer<List<R>> pages) throws Exception;

        Dumped dump(TimeRange range, long nowUs, Consumer<List<R>> pages) throws Exception;

        /** Received facts of one page (klines: the candles' intervals), or none. */
        List<Received> pageCovered(List<R> page, Source source);

        /** Received facts of a finished segment (id streams: all of it), or none. */
        List<Received> segmentCovered(TimeRange segment, Source source);

        /** Remembers a delivered page for the continuity check. */
        void observe(List<R> page);

        /** Continuity gaps (status missing) of everything observed within {@code expected}. */
        List<Gap> gaps(TimeRange expected);

        /** A REST gap filler writing records to {@code sink} and facts to {@code facts}. */
        GapFiller<R> filler(CoverageLedger facts, Consumer<List<R>> sink);
    }

    /**
     * Loads one symbol: REST = the range from REST; DUMP = dump files only (what they miss is
     * recorded as missing gaps); AUTO = dump files, then REST for the parts they miss (tail,
     * missing/unverifiable files). Then the continuity check, and (not for DUMP) a REST gap fill
     * that marks holes the exchange has no data for as expected.
     */
    public static <R extends MarketRecord> void load(
            SourceMode mode, TimeRange range, long nowUs, Stream<R> st, SymbolSink sink)
            throws Exception {
        List<TimeRange> restRanges = new ArrayList<>();
        List<Gap> dumpMissing = new ArrayList<>();
        if (mode == SourceMode.REST) {
            restRanges.add(range);
        } else {
            Dumped d = st.dump(range, nowUs, page -> deliver(st, sink, page, Source.DUMP));
            List<Received> covered = new ArrayList<>();
            d.covered().forEach(c -> covered.addAll(st.segmentCovered(c, Source.DUMP)));
            sink.coverage(covered, List.of());
            if (mode == SourceMode.AUTO) {
                d.missing().forEach(g -> restRanges.add(g.range()));
            } else {
                dumpMissing.addAll(d.missing());
            }
        }
        for (TimeRange r : Ranges.merge(restRanges)) {
            st.rest(r, page -> deliver(st, sink, page, Source.REST));
            sink.coverage(st.segmentCovered(r, Source.REST), List.of());
        }
        if (nowUs <= range.startUs()) {
            return;
        }
        List<Gap> gaps = st.gaps(new TimeRange(range.startUs(), Math.min(range.endUs(), nowUs)));
        if (mode == SourceMode.DUMP) {
            List<Gap> out = new ArrayList<>(dumpMissing);
            for (Gap g : gaps) {
                if (dumpMissing.stream().noneMatch(m -> Ranges.overlaps(m.range(), g.range()))) {
                    out.add(g);
                }
            }
            sink.coverage(List.of(), out);
            return;
        }
        GapFiller.Result<R> res = st.filler(facts(sink), sink::page).fill(gaps);
        List<Gap> failed = new ArrayList<>();
        res.failed().forEach(f -> failed.add(f.gap().with(GapStatus.MISSING, f.message())));
        sink.coverage(List.of(), failed);
    }

    private static <R extends MarketRecord> void deliver(
            Stream<R> st, SymbolSink sink, List<R> page, Source source) {
        if (!page.isEmpty()) {
            st.observe(page);
            sink.page(page);
            sink.coverage(st.pageCovered(page, source), List.of());
        }
    }

    /** A write-only ledger that turns the filler's writes into coverage facts on the topic. */
    private static CoverageLedger facts(SymbolSink sink) {
        return new CoverageLedger() {
            @Override
            public void record(java.util.Collection<Received> received) {
                sink.coverage(List.copyOf(received), List.of());
            }

            @Override
            public void recordGaps(java.util.Collection<Gap> gaps) {
                sink.coverage(List.of(), List.copyOf(gaps));
            }

            @Override
            public List<Received> received(CoverageKey key, TimeRange range) {
                throw writeOnly();
            }

            @Override
            public List<Gap> gaps(CoverageKey key, TimeRange range, Set<GapStatus> statuses) {
                throw writeOnly();
            }

            @Override
            public List<CoverageKey> keys() {
                throw writeOnly();
            }

            @Override
            public List<Received> receivedOfQueue(String queueId) {
                throw writeOnly();
            }

            @Override
            public List<Gap> gapsOfQueue(String queueId) {
                throw writeOnly();
            }
        };
    }

    private static UnsupportedOperationException writeOnly() {
        return new UnsupportedOperationException("loader facts are write-only (ADR 1701)");
    }

    /** Thrown inside a page sink to abandon the load after a stop command. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private static final long PROGRESS_EVERY_MS = 2_000;

    private LoaderJob() {}

    public static long run(
            WorkerContext ctx, String topic, int partitions, int concurrency, SymbolSource source)
            throws Exception {
        KafkaClients.ensureTopics(
                ctx.config().kafka(),
                List.of(KafkaClients.topic(topic, partitions)),
                Duration.ofSeconds(30));
        try (KafkaProducer<String, byte[]> producer =
                KafkaClients.producer(ctx.config().kafka(), ctx.config().telemetryId())) {
            DataPublisher publisher =
                    new DataPublisher(producer, topic, ctx.config().telemetryId(), ctx.time());
            Progress progress = new Progress(ctx);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Symbol s : ctx.config().symbols()) {
                    futures.add(
                            pool.submit(
                                    () -> {
                                        loadSymbol(ctx, source, s, publisher, progress);
                                        return null;
                                    }));
                }
                awaitAll(futures);
            } finally {
                pool.shutdownNow();
            }
            if (ctx.stop().stopped()) {
                producer.flush();
                return publisher.sent();
            }
            publisher.finish();
            return publisher.sent();
        }
    }

    private static void loadSymbol(
            WorkerContext ctx,
            SymbolSource source,
            Symbol s,
            DataPublisher publisher,
            Progress progress)
            throws Exception {
        Counter records =
                ctx.registry().counter("streamforge_loader_records_total", "symbol", s.value());
        SymbolSink sink =
                new SymbolSink() {
                    @Override
                    public void page(List<? extends MarketRecord> page) {
                        if (ctx.stop().stopped()) {
                            throw new Stopped();
                        }
                        publisher.send(page);
                        records.increment(page.size());
                        progress.add(page.size());
                    }

                    @Override
                    public void coverage(List<Received> received, List<Gap> gaps) {
                        publisher.sendCoverage(s, received, gaps);
                        gaps.forEach(g -> gapTelemetry(ctx, g));
                    }
                };
        try {
            source.load(s, sink);
        } catch (Stopped e) {
            // the runner reports interrupted
        }
    }

    /**
     * {@code gap} telemetry: extra {stream, symbol, interval, from_us, to_us, gap_status} (+
     * first_id/last_id for id gaps).
     */
    static void gapTelemetry(WorkerContext ctx, Gap g) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("stream", g.key().stream().wire());
        extra.put("symbol", g.key().symbol().value());
        extra.put("interval", g.key().intervalCode());
        extra.put("from_us", g.range().startUs());
        extra.put("to_us", g.range().endUs());
        extra.put("gap_status", g.status().wire());
        if (g.ids() != null) {
            extra.put("first_id", g.ids().firstId());
            extra.put("last_id", g.ids().lastId());
        }
        ctx.registry()
                .counter(
                        "streamforge_loader_gaps_total",
                        "symbol",
                        g.key().symbol().value(),
                        "status",
                        g.status().wire())
                .increment();
        ctx.telemetry().send("gap", g.key() + " " + g.status() + ": " + g.reason(), 0, null, extra);
    }

    private static void awaitAll(List<Future<?>> futures) throws Exception {
        Exception first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first =
                            e.getCause() instanceof Exception ex
                                    ? ex
                                    : new RuntimeException(e.getCause());
                    futures.forEach(o -> o.cancel(true));
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Rate-limited {@code loading} telemetry. */
    private static final class Progress {
        private final WorkerContext ctx;
        private final AtomicLong total = new AtomicLong();
        private volatile long lastMs;

        Progress(WorkerContext ctx) {
            this.ctx = ctx;
            this.lastMs = ctx.time().nowMs();
        }

        void add(int n) {
            long t = total.addAndGet(n);
            long now = ctx.time().nowMs();
            if (now - lastMs >= PROGRESS_EVERY_MS) {
                lastMs = now;
                ctx.telemetry().send("loading", "published " + t, t);
            }
        }
    }
}
