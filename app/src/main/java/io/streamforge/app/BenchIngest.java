package io.streamforge.app;

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
    /** The three measured rates (records/s). */
    public record Result(long records, double endToEnd, double kafkaRaw, double copyRaw) {
        public double ratio() {
            return endToEnd / Math.min(kafkaRaw, copyRaw);
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

    public BenchIngest(PrintStream out) {
        this.out = out;
    }

    public Result run(Path dataDir, List<Symbol> symbols, String days) throws Exception {
        try (LocalPlatform p =
                new LocalPlatform(
                        new LocalPlatform.Options(
                                dataDir,
                                0,
                                null,
                                SimConfig.defaults().withSymbols(symbols),
                                Map.of()),
                        m -> out.println("» " + m))) {
            var demo = new DemoCommand(out);
            String warmUpDays = warmUpDays(days);
            out.println("» warm-up pipeline (not measured): " + warmUpDays);
            var warmUp =
                    new DemoCommand.Options(dataDir, symbols, warmUpDays, "1m", false, 0, false);
            demo.runPipeline(p, warmUp, System.nanoTime());
            out.println("» measured pipeline: " + days);
            var o = new DemoCommand.Options(dataDir, symbols, days, "1m", false, 0, false);
            DemoCommand.Result e2e = demo.runPipeline(p, o, System.nanoTime());
            if (!e2e.status().equals("finished")) {
                throw new IllegalStateException("pipeline ended " + e2e.status());
            }
            printTimeline(TelemetryLog.read(p.kafka().bootstrapServers(), e2e.queueId()));
            List<MarketRecord> records =
                    sameRecords(p.simulator().model(), symbols, TimeRange.parseDays(days));
            out.printf("» raw Kafka produce+consume of the same %,d records ...%n", records.size());
            double kafka = kafkaRate(p, records);
            out.println("» raw PostgreSQL COPY of the same number of candles and aggTrades ...");
            long candles = records.stream().filter(r -> r.kind().equals("candle")).count();
            double copy = copyRate(p, (int) candles, records.size() - (int) candles);
            Result r = new Result(records.size(), e2e.totalRecords() / e2e.seconds(), kafka, copy);
            print(r);
            return r;
        }
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
    static double kafkaRate(LocalPlatform p, List<MarketRecord> records) throws Exception {
        String topic = "bench-raw-" + System.nanoTime();
        p.kafka().createTopic(topic, 3);
        KafkaSettings s = KafkaSettings.plaintext(p.kafka().bootstrapServers());
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
        return n / ((System.nanoTime() - t0) / 1e9);
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

    static double copyRate(LocalPlatform p, int candles, int aggTrades) {
        var ds = p.stores().dataSource();
        PostgresCopyBench.Result c =
                PostgresCopyBench.measure(ds, "candle", Math.max(1, candles), false);
        PostgresCopyBench.Result a =
                PostgresCopyBench.measure(ds, "agg_trade", Math.max(1, aggTrades), false);
        double seconds = (c.elapsedNs() + a.elapsedNs()) / 1e9;
        return (candles + aggTrades) / seconds;
    }

    private void print(Result r) {
        out.println();
        out.printf("records                          %,12d%n", r.records());
        out.printf("end-to-end (REST→Kafka→PG)       %,12.0f records/s%n", r.endToEnd());
        out.printf("raw Kafka produce+consume        %,12.0f records/s%n", r.kafkaRaw());
        out.printf("raw PostgreSQL COPY              %,12.0f records/s%n", r.copyRaw());
        out.printf("ratio end-to-end / slower raw    %12.2f  (target ≥ 0.70)%n", r.ratio());
    }
}
