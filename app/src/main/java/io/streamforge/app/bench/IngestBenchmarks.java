package io.streamforge.app.bench;

import java.io.PrintStream;

/**
 * {@code streamforge bench rest|dump|ws|soak [options]}: the ingestion benchmarks (ADR 1801). Each
 * prints its raw numbers, the ratio against the raw limit measured in the same run and the target.
 * Exit code 0 when the run completed (whether or not the target was met), 2 for bad arguments.
 */
public final class IngestBenchmarks {
    public static final String USAGE =
            "usage: streamforge "
                    + RestBench.USAGE
                    + "\n       streamforge "
                    + DumpBench.USAGE
                    + "\n       streamforge "
                    + WsBenchOptions.USAGE
                    + "\n       streamforge "
                    + SoakBench.USAGE
                    + "\n";

    private IngestBenchmarks() {}

    /** Runs benchmark {@code which} ("rest", "dump" or "ws") with its options. */
    public static int run(String which, String[] args, PrintStream out) {
        Runnable bench;
        try {
            bench = parse(which, args, out);
        } catch (IllegalArgumentException e) {
            out.print("bench " + which + ": " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (bench == null) {
            out.print(
                    "unknown benchmark '"
                            + which
                            + "' (available: rest, dump, ws, soak)\n"
                            + USAGE);
            return 2;
        }
        bench.run();
        return 0;
    }

    /** The benchmark with its parsed options, or null for an unknown name. */
    static Runnable parse(String which, String[] args, PrintStream out) {
        switch (which) {
            case "rest":
                RestBench.Options r = RestBench.Options.parse(args);
                return () -> new RestBench(out).run(r);
            case "dump":
                DumpBench.Options d = DumpBench.Options.parse(args);
                return () -> new DumpBench(out).run(d);
            case "ws":
                WsBenchOptions w = WsBenchOptions.parse(args);
                return () -> new WsBench(out).run(w);
            case "soak":
                SoakBench.Options s = SoakBench.Options.parse(args);
                return () -> new SoakBench(out).run(s);
            case "sink":
                SinkBench.Options k = SinkBench.Options.parse(args);
                return () -> SinkBench.run(k, out);
            case "backfill":
                BackfillBench.Options f = BackfillBench.Options.parse(args);
                return () -> BackfillBench.run(f, out);
            case "up":
                UpBench.Options u = UpBench.Options.parse(args);
                return () -> UpBench.run(u, out);
            case "client":
                ClientBench.Options c = ClientBench.Options.parse(args);
                return () -> ClientBench.run(c, out);
            case "efficiency":
                EfficiencyBench.Options e = EfficiencyBench.Options.parse(args);
                return () -> EfficiencyBench.run(e, out);
            case "codec":
                CodecBench.Options d2 = CodecBench.Options.parse(args);
                return () -> CodecBench.run(d2, out);
            default:
                return null;
        }
    }

    /** For running without the CLI: {@code java ... IngestBenchmarks rest --windows 10}. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.print(USAGE);
            System.exit(2);
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        System.exit(run(args[0], rest, System.out));
    }
}
