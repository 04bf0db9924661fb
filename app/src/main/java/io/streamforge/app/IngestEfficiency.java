package io.streamforge.app;

import io.streamforge.app.bench.CpuMeter;
import io.streamforge.app.bench.ProcessCpu;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code bench efficiency} (issue 14 item 1): the ingest pipeline's CPU per record with the
 * exchange simulator in its own process, so its CPU is counted apart, against the floor — the CPU
 * per record of raw Kafka produce+consume plus raw PostgreSQL COPY of the same records in the same
 * run. CPU is the bench's own processes from /proc ({@link ProcessCpu}: this JVM — loaders, broker,
 * connector, queue-manager — and PostgreSQL), so other work on a shared machine does not count.
 * Decisions: ADR 2901.
 */
public final class IngestEfficiency {
    /** One phase: records/s and CPU µs per record of the bench's processes (exchange apart). */
    public record Phase(double perSecond, double cpuMicros) {}

    public record Result(
            long records, Phase pipeline, double exchangeMicros, Phase kafka, Phase copy) {
        public double efficiency() {
            return (kafka.cpuMicros() + copy.cpuMicros()) / pipeline.cpuMicros();
        }
    }

    private IngestEfficiency() {}

    public static Result run(Path dataDir, List<Symbol> symbols, String days, PrintStream out)
            throws Exception {
        Process sim = startSimulator(symbols);
        try (BufferedReader simOut =
                new BufferedReader(
                        new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8))) {
            String url = simOut.readLine();
            while (url != null && !url.startsWith("http")) {
                url = simOut.readLine(); // log lines before the URL
            }
            if (url == null) {
                throw new IllegalStateException("simulator did not start: " + url);
            }
            out.println("» exchange simulator in its own process (pid " + sim.pid() + "): " + url);
            SimConfig model = SimConfig.defaults().withSymbols(symbols);
            try (LocalPlatform p =
                    new LocalPlatform(
                            new LocalPlatform.Options(dataDir, 0, url, model, Map.of()),
                            m -> out.println("» " + m))) {
                return measure(p, sim.pid(), model, symbols, days, dataDir, out);
            }
        } finally {
            sim.destroy();
            sim.waitFor();
        }
    }

    private static Result measure(
            LocalPlatform p,
            long simPid,
            SimConfig model,
            List<Symbol> symbols,
            String days,
            Path dataDir,
            PrintStream out)
            throws Exception {
        Path pgdata = dataDir.resolve("postgres").resolve("pgdata");
        var demo = new DemoCommand(out);
        String warm = BenchIngest.warmUpDays(days);
        out.println("» warm-up pipeline (not measured): " + warm);
        demo.runPipeline(p, options(dataDir, symbols, warm), System.nanoTime());
        out.println("» measured pipeline: " + days);
        ProcessCpu own = ProcessCpu.start(pgdata, simPid);
        ProcessCpu exchange = ProcessCpu.of(simPid);
        CpuMeter machine = CpuMeter.start();
        DemoCommand.Result e2e = demo.runPipeline(p, options(dataDir, symbols, days), 0);
        machine.close();
        if (!e2e.status().equals("finished")) {
            throw new IllegalStateException("pipeline ended " + e2e.status());
        }
        long n = e2e.totalRecords();
        Phase pipeline = new Phase(n / e2e.seconds(), own.microsPer(n));
        double exchangeMicros = exchange.microsPer(n);
        out.printf("» machine busy during the pipeline: %.0f %%%n", machine.busy() * 100);
        List<MarketRecord> records =
                BenchIngest.sameRecords(new MarketModel(model), symbols, TimeRange.parseDays(days));
        out.printf("» raw Kafka produce+consume of the same %,d records ...%n", records.size());
        own = ProcessCpu.start(pgdata, simPid);
        BenchIngest.Rate kafka = BenchIngest.kafkaRate(p, records);
        Phase k = new Phase(kafka.perSecond(), own.microsPer(records.size()));
        out.println("» raw PostgreSQL COPY of the same candles and aggTrades ...");
        own = ProcessCpu.start(pgdata, simPid);
        BenchIngest.Rate copy = BenchIngest.copyRate(p, records);
        Phase c = new Phase(copy.perSecond(), own.microsPer(records.size()));
        Result r = new Result(n, pipeline, exchangeMicros, k, c);
        print(r, out);
        return r;
    }

    private static DemoCommand.Options options(Path dir, List<Symbol> symbols, String days) {
        return new DemoCommand.Options(dir, symbols, days, "1m", false, 0, false);
    }

    private static Process startSimulator(List<Symbol> symbols) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String syms = symbols.stream().map(Symbol::value).collect(Collectors.joining(","));
        try {
            return new ProcessBuilder(
                            java,
                            "-Xmx1g",
                            "-DLOG_LEVEL=WARN",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "io.streamforge.sim.SimMain",
                            "--port",
                            "0",
                            "--symbols",
                            syms,
                            "--weight-limit",
                            String.valueOf(BenchIngest.UNCAPPED_WEIGHT))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(Result r, PrintStream out) {
        out.println();
        out.printf("records                              %,12d%n", r.records());
        out.println(
                "                                       records/s   CPU µs/record (bench's processes)");
        row(out, "pipeline (REST→Kafka→PG), exchange apart", r.pipeline());
        out.printf(
                "%-40s %12s %12.1f%n", "exchange simulator (own process)", "", r.exchangeMicros());
        row(out, "raw Kafka produce+consume", r.kafka());
        row(out, "raw PostgreSQL COPY", r.copy());
        out.printf(
                "efficiency floor / pipeline CPU per record  %.2f  (target ≥ 0.75: %s)%n",
                r.efficiency(), r.efficiency() >= 0.75 ? "met" : "not met");
    }

    private static void row(PrintStream out, String name, Phase p) {
        out.printf("%-40s %,12.0f %12.1f%n", name, p.perSecond(), p.cpuMicros());
    }
}
