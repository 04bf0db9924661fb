package io.streamforge.app.bench;

import io.streamforge.binance.dump.DumpReader;
import io.streamforge.binance.dump.DumpResult;
import io.streamforge.binance.dump.DumpSource;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.DataPublisher;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.sim.DumpFiles;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code bench dump}: dump ingest rows/s — daily zips written by the simulator to a local folder,
 * read by {@link DumpReader} (checksum, unzip, parse, trim) and published with {@link
 * DataPublisher} to an embedded Kafka broker until every record is acknowledged — against the raw
 * rate of reading and parsing the same files (the same {@code DumpReader}, a counting sink) in the
 * same run.
 */
final class DumpBench {
    record Options(List<Symbol> symbols, TimeRange days, int aggTradesPerDay, int partitions) {}

    /** Rows and seconds of the two measurements. */
    record Result(long rawRows, double rawSeconds, long ingestRows, double ingestSeconds) {
        double rawRate() {
            return rawRows / rawSeconds;
        }

        double ingestRate() {
            return ingestRows / ingestSeconds;
        }

        double ratio() {
            return ingestRate() / rawRate();
        }
    }

    private final PrintStream out;

    DumpBench(PrintStream out) {
        this.out = out;
    }

    Result run(Options o) {
        Path dir = tempDir();
        long nowUs = o.days().endUs() + 40L * 86_400_000_000L;
        SimConfig cfg =
                SimConfig.defaults()
                        .withSymbols(o.symbols())
                        .withAggTradesPerDay(o.aggTradesPerDay())
                        .withTimeSource(() -> nowUs);
        try (ExchangeSimulator sim = ExchangeSimulator.start(cfg)) {
            long t0 = System.nanoTime();
            List<Path> files = sim.dumps().writeTo(dir, paths(o));
            out.printf(
                    "» %d dump files written to %s in %.1f s%n",
                    files.size(), dir, (System.nanoTime() - t0) / 1e9);
        }
        try {
            DumpReader reader = new DumpReader(DumpSource.folder(dir));
            readAll(reader, o, nowUs, page -> {}); // warm-up (JIT, page cache)
            AtomicLong rows = new AtomicLong();
            long t0 = System.nanoTime();
            long rawRows = readAll(reader, o, nowUs, page -> rows.addAndGet(page.size()));
            double rawSeconds = (System.nanoTime() - t0) / 1e9;
            if (rows.get() != rawRows) {
                throw new IllegalStateException(
                        "sink saw " + rows.get() + " rows, reader reported " + rawRows);
            }
            out.printf("» raw read+parse: %,d rows in %.2f s%n", rawRows, rawSeconds);
            Result r = ingest(reader, o, nowUs, rawRows, rawSeconds);
            print(r);
            return r;
        } finally {
            delete(dir);
        }
    }

    private Result ingest(
            DumpReader reader, Options o, long nowUs, long rawRows, double rawSeconds) {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
            String topic = "bench-dump-" + System.currentTimeMillis();
            kafka.createTopic(topic, o.partitions());
            KafkaSettings s = KafkaSettings.plaintext(kafka.bootstrapServers());
            try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(s, "bench-dump")) {
                DataPublisher pub =
                        new DataPublisher(producer, topic, "bench-dump", TimeSource.system());
                out.println("» ingest: DumpReader → DataPublisher → Kafka (embedded broker) ...");
                long t0 = System.nanoTime();
                long rows = readAll(reader, o, nowUs, pub::send);
                pub.finish();
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (pub.sent() != rows || rows != rawRows) {
                    throw new IllegalStateException(
                            "published "
                                    + pub.sent()
                                    + " of "
                                    + rows
                                    + " rows (raw read "
                                    + rawRows
                                    + ")");
                }
                return new Result(rawRows, rawSeconds, rows, seconds);
            }
        }
    }

    private static long readAll(
            DumpReader reader,
            Options o,
            long nowUs,
            Consumer<Collection<? extends MarketRecord>> sink) {
        long rows = 0;
        for (Symbol s : o.symbols()) {
            DumpResult k = reader.klines(s, Interval.M1, o.days(), nowUs, sink::accept);
            DumpResult a = reader.aggTrades(s, o.days(), nowUs, sink::accept);
            if (!k.complete() || !a.complete()) {
                throw new IllegalStateException(
                        "dump gaps for " + s + ": " + k.gaps() + " " + a.gaps());
            }
            rows += k.records() + a.records();
        }
        return rows;
    }

    static List<String> paths(Options o) {
        List<String> out = new ArrayList<>();
        LocalDate from = Micros.toDate(o.days().startUs());
        LocalDate to = Micros.toDate(o.days().endUs() - 1);
        for (Symbol s : o.symbols()) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.add(DumpFiles.dailyKlinesPath(s, Interval.M1, d));
                out.add(DumpFiles.dailyTradesPath("aggTrades", s, d));
            }
        }
        return out;
    }

    private void print(Result r) {
        out.println();
        out.printf("rows (klines 1m + aggTrades)      %,12d%n", r.ingestRows());
        out.printf(
                "raw read+parse (DumpReader only)  %,12.0f rows/s  (%.2f s)%n",
                r.rawRate(), r.rawSeconds());
        out.printf(
                "ingest → Kafka acknowledged       %,12.0f rows/s  (%.2f s)%n",
                r.ingestRate(), r.ingestSeconds());
        out.printf(
                "ratio ingest / raw                %12.2f  (the raw parse rate is the ceiling)%n",
                r.ratio());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("streamforge-bench-dump-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
