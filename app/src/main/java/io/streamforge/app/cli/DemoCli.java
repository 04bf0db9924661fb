package io.streamforge.app.cli;

import io.streamforge.app.DemoCommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code streamforge demo}: options of {@link DemoCommand}, checked before anything starts. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run one pipeline on the embedded platform and the simulator; print tables.",
            "Offline: candles + aggTrades -> Kafka -> PostgreSQL, then graph-builder and",
            "gnn-trainer; a progress bar per step, then tables of what was stored, the",
            "timings, the correlation graph and the model's metrics vs the baselines.",
            "A throw-away platform on loopback without authentication: OIDC_* are ignored",
            "(use `up` for a platform that requires tokens)."
        })
public final class DemoCli implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin SymbolsAndRange records;

    @Option(
            names = "--interval",
            defaultValue = "1m",
            converter = Converters.IntervalCode.class,
            description = "Candle interval (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".streamforge/demo",
            description =
                    "Data folder, cleared at start; only an empty one or one streamforge created"
                            + " (it holds "
                            + DataDir.MARKER
                            + ") is used (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--keep",
            description = "Keep the platform running after the pipeline (Ctrl-C stops it).")
    boolean keep;

    @Option(names = "--port", description = "API port (default: a free port; 8080 with --keep).")
    Integer port;

    @Option(
            names = "--no-analytics",
            description = "Ingestion only: no graph-builder and gnn-trainer steps.")
    boolean noAnalytics;

    DemoCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        int apiPort = Checks.port("--port", port == null ? (keep ? 8080 : 0) : port);
        if (ctx.env().get("OIDC_ISSUER_URL") != null) {
            ctx.out()
                    .println(
                            "» demo ignores OIDC_ISSUER_URL: a throw-away platform on loopback,"
                                    + " no authentication (`up` honours OIDC_*)");
        }
        try (DataDir dir = DataDir.claim(dataDir)) {
            dir.clear(); // a demo starts from nothing, in a folder streamforge owns
            var o =
                    new DemoCommand.Options(
                            dataDir,
                            records.symbols(),
                            records.range(),
                            interval,
                            keep,
                            apiPort,
                            !noAnalytics);
            DemoCommand.Result r = new DemoCommand(ctx.out(), Progress.forOutput(ctx)).run(o);
            return r.status().equals("finished") ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
