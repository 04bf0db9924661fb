package io.streamforge.gnn;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times training epochs (train pass + validation pass) on a synthetic random-walk market with a
 * random graph of average degree ~10 (like a top-k correlation graph). Not run by the tests.
 *
 * <p>Usage: {@code GnnBenchmark [nodes...]} (default 500 2000). Prints one line per size. With
 * {@code -Dai.djl.pytorch.num_threads=1} PyTorch computes on the calling thread, so the reported
 * training-thread CPU time is the compute cost even on a shared, overloaded machine. With {@code
 * -Dgnn.bench.requireGpu=true} it exits 3 before training unless PyTorch reports a CUDA device
 * ({@code deploy/gpu-check.sh}).
 */
public final class GnnBenchmark {
    private static final int STEPS = 140;
    private static final int EPOCHS = Integer.getInteger("gnn.bench.epochs", 3);

    private GnnBenchmark() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {500, 2000} : parse(args);
        DjlEngine.pytorch();
        System.out.println("device: " + DjlEngine.describeDevice());
        if (Boolean.getBoolean("gnn.bench.requireGpu") && !DjlEngine.device().isGpu()) {
            System.err.println(
                    "no CUDA device: PyTorch runs on the CPU natives (a CUDA build of libtorch is"
                            + " needed, e.g. PYTORCH_LIBRARY_PATH)");
            System.exit(3);
        }
        System.out.printf(
                "threads: ai.djl.pytorch.num_threads=%s, cores=%d%n",
                System.getProperty("ai.djl.pytorch.num_threads", "default"),
                Runtime.getRuntime().availableProcessors());
        for (int nodes : sizes) {
            run(nodes);
        }
    }

    private static void run(int nodes) {
        GnnDataset ds = dataset(nodes, 17L);
        GatConfig cfg = GatConfig.defaults().withMaxEpochs(EPOCHS);
        List<EpochStats> epochs = new ArrayList<>();
        List<Long> cpuMillis = new ArrayList<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] lastCpu = {mx.getCurrentThreadCpuTime()};
        EpochListener listener =
                stats -> {
                    epochs.add(stats);
                    long now = mx.getCurrentThreadCpuTime();
                    cpuMillis.add((now - lastCpu[0]) / 1_000_000);
                    lastCpu[0] = now;
                };
        try (GnnModel model = GatTrainer.train(ds, cfg, listener)) {
            List<EpochStats> history = model.report().history();
            double steady =
                    history.stream()
                            .skip(1)
                            .mapToLong(EpochStats::elapsedMillis)
                            .average()
                            .orElse(0);
            System.out.printf(
                    "device=%s nodes=%d maxDegree=%d trainSnapshots=%d valSnapshots=%d epochMillis=%s"
                            + " steadyEpochMillis=%.0f msPerSnapshot=%.1f"
                            + " trainingThreadCpuMillis=%s rssMiB=%d%n",
                    DjlEngine.device(),
                    nodes,
                    ds.graph().maxDegree(),
                    ds.train().size(),
                    ds.validation().size(),
                    epochs.stream().map(EpochStats::elapsedMillis).toList(),
                    steady,
                    steady / (ds.train().size() + ds.validation().size()),
                    cpuMillis,
                    rssMiB());
        }
    }

    static GnnDataset dataset(int nodes, long seed) {
        Random rnd = new Random(seed);
        double[][] close = new double[nodes][STEPS];
        double[][] volume = new double[nodes][STEPS];
        List<String> names = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            names.add("SYM" + n);
            close[n][0] = 100;
            for (int t = 0; t < STEPS; t++) {
                if (t > 0) {
                    close[n][t] = close[n][t - 1] * Math.exp(0.01 * rnd.nextGaussian());
                }
                volume[n][t] = 1000 * Math.exp(0.3 * rnd.nextGaussian());
            }
        }
        int[][] edges = new int[nodes * 5][];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = new int[] {e % nodes, rnd.nextInt(nodes)};
        }
        return GnnDataset.fromSeries(names, close, volume, edges, DatasetConfig.defaults());
    }

    /** Resident set size from /proc (Linux), -1 elsewhere: shows native memory leaks. */
    private static long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static int[] parse(String[] args) {
        int[] out = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = Integer.parseInt(args[i]);
        }
        return out;
    }
}
