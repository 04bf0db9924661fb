package io.streamforge.runtime;

import io.micrometer.core.instrument.Counter;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.Received;
import io.streamforge.kafka.DataPublisher;
import io.streamforge.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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
