package io.streamforge.app.bench;

import io.streamforge.domain.Symbol;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.runtime.StopSignal;
import io.streamforge.sim.ExchangeSimulator;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code bench soak}: the loader-ws service against the simulator's streams at a fixed rate for
 * minutes, sampling the JVM's heap after a full GC, its thread count and the records written. A
 * leak shows as a heap that keeps growing after GC, or threads that keep being added. Everything
 * (broker, simulator, loader) runs in this JVM, as in local mode, so the heap is the platform's.
 */
final class SoakBench {
    private static final long START_US = 1_709_251_200_000_000L; // 2024-03-01T00:00:00Z

    /** One sample: seconds since start, records written so far, heap after GC (MB), threads. */
    record Sample(double seconds, long records, double heapMb, int threads) {}

    private final PrintStream out;

    SoakBench(PrintStream out) {
        this.out = out;
    }

    /** The parsed options: the stream set and rate as for {@code bench ws}, and the sampling. */
    record Options(WsBenchOptions ws, int sampleSeconds) {}

    void run(Options options) {
        try {
            soak(options.ws(), options.sampleSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("soak failed: " + e, e);
        }
    }

    private void soak(WsBenchOptions o, int sampleS) throws Exception {
        ScaledClock clock = new ScaledClock(START_US, o.speedFor(o.rate()));
        String topic = "bench-soak-" + System.nanoTime();
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
                ExchangeSimulator sim =
                        ExchangeSimulator.start(WsBench.simConfig(o).withTimeSource(clock))) {
            LoaderWsRun.createTopics(kafka, topic);
            out.printf(
                    "» loader-ws on %s at ≈ %,d msgs/s for %d min, a sample every %d s%n",
                    o.symbols(), o.rate(), o.seconds() / 60, sampleS);
            StopSignal stop = new StopSignal();
            String symbols = String.join(",", o.symbols().stream().map(Symbol::value).toList());
            CompletableFuture<Integer> run =
                    LoaderWsRun.start(
                            LoaderWsRun.env(kafka, sim.wsBaseUrl(), sim.baseUrl(), topic, symbols),
                            stop,
                            "bench-soak-loader-ws");
            List<Sample> samples = sample(kafka, topic, o.seconds(), sampleS);
            stop.stop("soak over");
            int code = run.get(90, TimeUnit.SECONDS);
            print(samples, code);
        }
    }

    private List<Sample> sample(EmbeddedKafkaBroker kafka, String topic, int seconds, int every)
            throws Exception {
        List<Sample> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Admin admin = KafkaClients.admin(KafkaSettings.plaintext(kafka.bootstrapServers()))) {
            for (int s = 0; s <= seconds; s += every) {
                RestBench.sleepMs(Math.max(0, t0 / 1_000_000 + s * 1_000L - now()));
                System.gc();
                Sample x =
                        new Sample(
                                (System.nanoTime() - t0) / 1e9,
                                LoaderWsRun.endOffsets(admin, topic),
                                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
                                        / 1048576.0,
                                ManagementFactory.getThreadMXBean().getThreadCount());
                samples.add(x);
                out.printf(
                        "  %6.0f s  %,12d records  heap after GC %7.1f MB  %4d threads%n",
                        x.seconds(), x.records(), x.heapMb(), x.threads());
            }
        }
        return samples;
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }

    /** Least-squares slope of heap after GC over the second half of the run, MB per minute. */
    static double heapSlopeMbPerMinute(List<Sample> samples) {
        List<Sample> tail = samples.subList(samples.size() / 2, samples.size());
        if (tail.size() < 2) {
            return Double.NaN;
        }
        double mx = tail.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double my = tail.stream().mapToDouble(Sample::heapMb).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample x : tail) {
            num += (x.seconds() - mx) * (x.heapMb() - my);
            den += (x.seconds() - mx) * (x.seconds() - mx);
        }
        return den == 0 ? Double.NaN : num / den * 60;
    }

    private void print(List<Sample> samples, int exitCode) {
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        double rate = (last.records() - first.records()) / (last.seconds() - first.seconds());
        out.println();
        out.printf("finished %s, loader-ws exit code %d%n", Instant.now(), exitCode);
        out.printf(
                "records written                   %,12d (%,.0f msgs/s)%n", last.records(), rate);
        out.printf(
                "heap after GC                     %.1f MB → %.1f MB, slope over the second half"
                        + " %+.2f MB/min%n",
                first.heapMb(), last.heapMb(), heapSlopeMbPerMinute(samples));
        out.printf("threads                           %d → %d%n", first.threads(), last.threads());
    }
}
