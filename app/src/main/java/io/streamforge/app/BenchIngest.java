package io.streamforge.app;

import io.streamforge.app.bench.CpuMeter;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.postgres.PostgresCopyBench;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code streamforge bench ingest}: in one run on the embedded platform, the end-to-end rate
 * (simulator REST → loaders → Kafka → connector → PostgreSQL) and, for the same number and kinds of
 * records, the raw Kafka produce+consume rate and the raw PostgreSQL COPY rate; prints the ratio of
 * the end-to-end rate to the slower raw rate.
 */
public final class BenchIngest {
    /** One measured phase: records/s and the machine's CPU time per record (µs). */
    public record Rate(double perSecond, double cpuMicrosPerRecord, double busy) {}

    /** The three measured phases. */
    public record Result(long records, Rate endToEnd, Rate kafkaRaw, Rate copyRaw) {
        public double ratio() {
            return endToEnd.perSecond() / Math.min(kafkaRaw.perSecond(), copyRaw.perSecond());
        }

        /**
         * The best ratio this machine allows when every stage shares its cores: the end-to-end run
         * must do at least the work of both raw runs per record, so its rate is at most cores ÷
         * (CPU µs of raw Kafka + raw COPY per record).
         */
        public double sharedCoresBound() {
            double best =
                    CpuMeter.cores()
                            * 1e6
                            / (kafkaRaw.cpuMicrosPerRecord() + copyRaw.cpuMicrosPerRecord());
            return best / Math.min(kafkaRaw.perSecond(), copyRaw.perSecond());
        }
    }

    /**
     * The pipeline's throughput is measured with the exchange's request-weight limit lifted: at
     * Binance's 6,000/min the REST ceiling is 1.4 M aggTrades/min (≈ 24k/s) and 2.9 M klines/min,
     * which `bench rest` measures separately.
     */
    static final int UNCAPPED_WEIGHT = 100_000_000;

    /**
     * A short pipeline run before the measured one, over the 3 days just before it (new keys, as in
     * the measured run): the JIT compiles the hot paths (in a cold JVM it takes about a third of
     * the CPU during the first seconds) — the raw rates, measured later in the same JVM, are warm
     * too.
     */
    static final int WARM_UP_DAY_COUNT = 10;

    static String warmUpDays(String days) {
        LocalDate first = LocalDate.parse(days.substring(0, days.indexOf(':')));
        return first.minusDays(WARM_UP_DAY_COUNT) + ":" + first.minusDays(1);
    }

    private final PrintStream out;
    private final io.streamforge.app.cli.Progress progress;

    public BenchIngest(PrintStream out) {
        this(out, io.streamforge.app.cli.Progress.lines(out));
    }

    public BenchIngest(PrintStream out, io.streamforge.app.cli.Progress progress) {
        this.out = out;
        this.progress = progress;
    }

    public Result run(Path dataDir, List<Symbol> symbols, String days) throws Exception {
        Result r;
        try (LocalPlatform p = platform(dataDir, symbols, false)) {
            Measured e2e = pipeline(p, dataDir, symbols, days);
            printTimeline(TelemetryLog.read(p.kafka().bootstrapServers(), e2e.run().queueId()));
            List<MarketRecord> records =
                    sameRecords(p.simulator().model(), symbols, TimeRange.parseDays(days));
            out.printf("» raw Kafka produce+consume of the same %,d records ...%n", records.size());
            Rate kafka = kafkaRate(p, records);
            out.println("» raw PostgreSQL COPY of the same candles and aggTrades ...");
            Rate copy = copyRate(p, records);
            r = new Result(records.size(), e2e.rate(), kafka, copy);
        }
        out.println("» the same load again with PostgreSQL durable (as `up` runs it) ...");
        Path durableDir = dataDir.resolve("durable");
        try (LocalPlatform p = platform(durableDir, symbols, true)) {
            Measured durable = pipeline(p, durableDir, symbols, days);
            print(r);
            printDurabilityCost(r.endToEnd(), durable.rate());
        }
        return r;
    }

    private LocalPlatform platform(Path dir, List<Symbol> symbols, boolean durable) {
        return new LocalPlatform(
                new LocalPlatform.Options(
                                dir, 0, null, SimConfig.defaults().withSymbols(symbols), Map.of())
                        .withDurable(durable),
                m -> out.println("» " + m));
    }

    private record Measured(DemoCommand.Result run, Rate rate) {}

    /** A warm-up pipeline (not measured), then the measured one; fails unless it finished. */
    private Measured pipeline(LocalPlatform p, Path dataDir, List<Symbol> symbols, String days)
            throws Exception {
        var demo = new DemoCommand(out, progress);
        String warmUpDays = warmUpDays(days);
        out.println("» warm-up pipeline (not measured): " + warmUpDays);
        var warmUp = new DemoCommand.Options(dataDir, symbols, warmUpDays, "1m", false, 0, false);
        demo.runPipeline(p, warmUp, System.nanoTime());
        out.println("» measured pipeline: " + days);
        var o = new DemoCommand.Options(dataDir, symbols, days, "1m", false, 0, false);
        CpuMeter meter = CpuMeter.start();
        DemoCommand.Result e2e = demo.runPipeline(p, o, System.nanoTime());
        if (!e2e.status().equals("finished")) {
            throw new IllegalStateException("pipeline ended " + e2e.status());
        }
        return new Measured(e2e, rate(e2e.totalRecords(), e2e.seconds(), meter));
    }

    /** One line: the end-to-end rate with fsync + synchronous_commit on vs off. */
    private void printDurabilityCost(Rate throwaway, Rate durable) {
        out.printf(
                "durability cost: end-to-end %,.0f records/s durable (fsync=on,"
                        + " synchronous_commit=on) vs %,.0f throw-away: %.1f %% slower, CPU"
                        + " µs/record %.1f vs %.1f%n",
                durable.perSecond(),
                throwaway.perSecond(),
                100 * (1 - durable.perSecond() / throwaway.perSecond()),
                durable.cpuMicrosPerRecord(),
                throwaway.cpuMicrosPerRecord());
    }

    private static Rate rate(long records, double seconds, CpuMeter meter) {
        double cpu = meter.cpuMicrosPer(records, seconds);
        return new Rate(records / seconds, cpu, meter.busy());
    }

    /**
     * Where the pipeline's time went: each worker's first and last telemetry event, in seconds
     * after the first event of the queue (worker start-up, then the load, then the end).
     */
    private void printTimeline(List<TelemetryEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long t0 = events.get(0).timestampUs();
        Map<String, long[]> spans = new LinkedHashMap<>();
        for (TelemetryEvent e : events) {
            long[] span =
                    spans.computeIfAbsent(
                            e.target(), k -> new long[] {e.timestampUs(), e.timestampUs()});
            span[1] = Math.max(span[1], e.timestampUs());
        }
        out.println("» timeline (s after the first telemetry event): first → last event per step");
        spans.forEach(
                (target, span) ->
                        out.printf(
                                "    %-20s %6.2f → %6.2f%n",
                                target, (span[0] - t0) / 1e6, (span[1] - t0) / 1e6));
    }

    static List<MarketRecord> sameRecords(
            MarketModel model, List<Symbol> symbols, TimeRange range) {
        List<MarketRecord> out = new ArrayList<>();
        for (Symbol s : symbols) {
            out.addAll(model.klines(s, Interval.M1, range.startUs(), range.endUs()));
            out.addAll(model.aggTrades(s, range.startUs(), range.endUs()));
        }
        return out;
    }

    /**
     * Producer and consumer run concurrently, as in the pipeline; the clock stops at the last
     * record consumed.
     */
    static Rate kafkaRate(LocalPlatform p, List<MarketRecord> records) throws Exception {
        String topic = "bench-raw-" + System.nanoTime();
        p.kafka().createTopic(topic, 3);
        KafkaSettings s = KafkaSettings.plaintext(p.kafka().bootstrapServers());
        CpuMeter meter = CpuMeter.start();
        long t0 = System.nanoTime();
        CompletableFuture<Long> consumed =
                CompletableFuture.supplyAsync(() -> consume(s, topic, records.size()));
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(s, "bench-raw")) {
            for (MarketRecord r : records) {
                producer.send(
                        new ProducerRecord<>(topic, r.symbol().value(), RecordCodec.encode(r)));
            }
            producer.flush();
        }
        long n = consumed.get();
        return rate(n, (System.nanoTime() - t0) / 1e9, meter);
    }

    private static long consume(KafkaSettings s, String topic, int expected) {
        try (KafkaConsumer<String, byte[]> c =
                KafkaClients.consumer(s, "bench-raw-" + topic, "bench-raw")) {
            c.subscribe(List.of(topic));
            long n = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (n < expected && System.nanoTime() < deadline) {
                var recs = c.poll(Duration.ofMillis(100));
                for (var rec : recs) {
                    RecordCodec.decode(rec.value());
                    n++;
                }
            }
            return n;
        }
    }

    /** COPY of the same records, candles and aggTrades each into a scratch table like theirs. */
    static Rate copyRate(LocalPlatform p, List<MarketRecord> records) {
        var ds = p.stores().dataSource();
        long ns = 0;
        double cpuMicros = 0;
        double busy = 0;
        for (String kind : List.of("candle", "agg_trade")) {
            List<MarketRecord> of = records.stream().filter(r -> r.kind().equals(kind)).toList();
            CpuMeter[] meter = new CpuMeter[1];
            PostgresCopyBench.Result res =
                    PostgresCopyBench.measure(
                            ds, kind, of, false, () -> meter[0] = CpuMeter.start());
            ns += res.elapsedNs();
            cpuMicros += meter[0].cpuMicrosPer(1, res.elapsedNs() / 1e9);
            busy += meter[0].busy() * res.elapsedNs();
        }
        return new Rate(records.size() / (ns / 1e9), cpuMicros / records.size(), busy / ns);
    }

    private void print(Result r) {
        out.println();
        out.printf("records                          %,12d%n", r.records());
        out.println(
                "                                    records/s   machine CPU busy   CPU µs/record");
        row("end-to-end (REST→Kafka→PG)", r.endToEnd());
        row("raw Kafka produce+consume", r.kafkaRaw());
        row("raw PostgreSQL COPY", r.copyRaw());
        out.printf("ratio end-to-end / slower raw    %12.2f  (target ≥ 0.70)%n", r.ratio());
        out.printf(
                "best ratio on %d shared cores     %12.2f  (cores ÷ CPU µs of raw Kafka + raw COPY"
                        + " per record, ÷ the slower raw rate)%n",
                CpuMeter.cores(), r.sharedCoresBound());
    }

    private void row(String name, Rate rate) {
        out.printf(
                "%-30s %,12.0f %14.0f %% %15.1f%n",
                name, rate.perSecond(), rate.busy() * 100, rate.cpuMicrosPerRecord());
    }
}
