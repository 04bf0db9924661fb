package io.streamforge.app;

import io.streamforge.domain.Symbol;
import io.streamforge.runtime.ConfigException;
import io.streamforge.sim.SimMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@code streamforge <command>}: the local all-in-one CLI. */
public final class Cli {
    static final String USAGE =
            """
            usage: streamforge <command> [options]
              demo [--symbols A,B,..] [--range YYYY-MM-DD:YYYY-MM-DD] [--interval 1m] [--data-dir DIR] [--keep] [--port N]
                   [--no-analytics]
                     run one pipeline on the embedded platform and the simulator, print a summary
              up   [--data-dir DIR] [--port N] [--ui-port N]   start the embedded platform (API :8080, UI :8081) and keep it running
              sim  [--port N] [--seed N] [--symbols A,B]   run the exchange simulator alone
              bench ingest [--symbols A,B,..] [--range YYYY-MM-DD:YYYY-MM-DD] [--data-dir DIR]
              bench rest|dump|ws|soak [options]   REST budget efficiency, dump ingest, WebSocket rate/latency, soak
                     end-to-end rate vs raw Kafka and raw PostgreSQL COPY rates, same records
              coverage [--data-dir DIR | --jdbc-url URL [--user U]] [--queue ID] [--range A:B]   print the coverage ledger
              test-logger [--host H --port P --count N --app NAME]   send test records to Fluent-bit
            """;

    private Cli() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (Exception | Error e) {
            System.err.println("streamforge: failed: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE + io.streamforge.app.tools.Tools.USAGE);
            return 2;
        }
        Args a = new Args(Arrays.copyOfRange(args, 1, args.length));
        try {
            switch (args[0]) {
                case "demo":
                    return demo(a);
                case "up":
                    return up(a);
                case "bench":
                    if (args.length > 1 && !args[1].equals("ingest")) {
                        return io.streamforge.app.bench.IngestBenchmarks.run(
                                args[1], Arrays.copyOfRange(args, 2, args.length), System.out);
                    }
                    return bench(
                            args.length > 1 ? args[1] : "",
                            new Args(
                                    Arrays.copyOfRange(
                                            args, Math.min(2, args.length), args.length)));
                case "indicators":
                case "candles":
                case "correlation":
                    return io.streamforge.app.tools.Tools.run(
                            args[0],
                            Arrays.copyOfRange(args, 1, args.length),
                            System.out,
                            System.err);
                case "coverage":
                    return io.streamforge.app.coverage.CoverageCommand.run(
                            Arrays.copyOfRange(args, 1, args.length),
                            System.getenv(),
                            System.out,
                            System.err);
                case "test-logger":
                    return io.streamforge.runtime.logging.TestLogger.cli(
                            Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out);
                case "sim":
                    SimMain.main(Arrays.copyOfRange(args, 1, args.length));
                    return 0;
                default:
                    System.err.print("unknown command '" + args[0] + "'\n" + USAGE);
                    return 2;
            }
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("streamforge: " + e.getMessage());
            return 2;
        }
    }

    private static int demo(Args a) throws Exception {
        List<Symbol> symbols = new ArrayList<>();
        for (String s :
                a.value("--symbols", "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT,XRPUSDT").split(",")) {
            symbols.add(Symbol.of(s));
        }
        Path dir = Path.of(a.value("--data-dir", ".streamforge/demo"));
        wipe(dir);
        var o =
                new DemoCommand.Options(
                        dir,
                        symbols,
                        a.value("--range", "2024-01-01:2024-01-30"),
                        a.value("--interval", "1m"),
                        a.flag("--keep"),
                        Integer.parseInt(a.value("--port", a.flag("--keep") ? "8080" : "0")),
                        !a.flag("--no-analytics"));
        a.checkAllUsed();
        DemoCommand.Result r = new DemoCommand(System.out).run(o);
        return r.status().equals("finished") ? 0 : 1;
    }

    private static int bench(String what, Args a) throws Exception {
        if (!what.equals("ingest")) {
            System.err.print("unknown benchmark '" + what + "' (available: ingest)\n" + USAGE);
            return 2;
        }
        List<Symbol> symbols = new ArrayList<>();
        for (String s :
                a.value("--symbols", "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT,XRPUSDT").split(",")) {
            symbols.add(Symbol.of(s));
        }
        Path dir = Path.of(a.value("--data-dir", ".streamforge/bench"));
        String range = a.value("--range", "2024-01-01:2024-01-30");
        a.checkAllUsed();
        wipe(dir);
        new BenchIngest(System.out).run(dir, symbols, range);
        return 0;
    }

    private static int up(Args a) throws Exception {
        Path dir = Path.of(a.value("--data-dir", ".streamforge/up"));
        int port = Integer.parseInt(a.value("--port", "8080"));
        int uiPort = Integer.parseInt(a.value("--ui-port", "8081"));
        a.checkAllUsed();
        return new UpCommand(System.out)
                .run(
                        new LocalPlatform.Options(
                                dir,
                                port,
                                null,
                                io.streamforge.sim.SimConfig.defaults(),
                                java.util.Map.of(),
                                uiPort));
    }

    static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
