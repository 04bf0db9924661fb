package io.streamforge.app.bench;

import io.streamforge.app.cli.Checks;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.app.cli.UsageError;
import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge bench rest}: see {@link RestBench}. */
@Command(
        name = "rest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure how much of the REST weight budget the loaders use.",
            "Weight admitted per window under the limit vs the limit, with 429/418 counts",
            "(simulator on a scaled clock)."
        })
final class RestBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--symbols",
            split = ",",
            paramLabel = "SYMBOL",
            defaultValue = "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT",
            description = "Symbols (default: ${DEFAULT-VALUE}).")
    List<Symbol> symbols;

    @Option(
            names = "--time-scale",
            defaultValue = "60",
            description =
                    "Simulated seconds per wall second, (0, 3600] (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(
            names = "--windows",
            defaultValue = "20",
            description = "Weight windows (minutes) measured (default: ${DEFAULT-VALUE}).")
    int windows;

    @Option(
            names = "--weight-limit",
            paramLabel = "auto|N",
            defaultValue = "auto",
            description =
                    "Weight per minute; auto = half the raw capacity (default: ${DEFAULT-VALUE}).")
    String weightLimit;

    @Option(
            names = "--margin",
            defaultValue = "" + BinanceClientConfig.DEFAULT_SAFETY_MARGIN,
            description = "Clients' safety margin, (0, 1] (default: ${DEFAULT-VALUE}).")
    double margin;

    @Option(
            names = "--raw-seconds",
            defaultValue = "4",
            description = "Seconds of the unlimited raw run, (0, 60] (default: ${DEFAULT-VALUE}).")
    double rawSeconds;

    RestBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The checked options; {@link UsageError} names a bad one. */
    RestBench.Options options() {
        return new RestBench.Options(
                symbols,
                Checks.above("--time-scale", timeScale, 0, 3600),
                Checks.positive("--windows", windows),
                weightLimit(),
                Checks.above("--margin", margin, 0, 1),
                Checks.above("--raw-seconds", rawSeconds, 0, 60));
    }

    /** 0 = auto. */
    private int weightLimit() {
        if (weightLimit.equals("auto")) {
            return 0;
        }
        try {
            return Checks.positive("--weight-limit", Integer.parseInt(weightLimit.strip()));
        } catch (NumberFormatException e) {
            throw new UsageError(
                    "--weight-limit: expected auto or a whole number, got '" + weightLimit + "'");
        }
    }

    @Override
    public Integer call() {
        RestBench.Options o = options();
        new RestBench(ctx.out()).run(o);
        return ExitCode.OK;
    }
}
