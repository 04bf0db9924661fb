package io.streamforge.app.bench;

import io.streamforge.app.cli.Checks;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge bench client}: see {@link ClientBench}. */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure our Binance client against binance-connector-java.",
            "WebSocket aggTrade messages/s parsed into typed values on one connection, and",
            "REST pages/s under the simulator's weight limit; target ratio (WS) >= 2."
        })
final class ClientBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--seconds",
            defaultValue = "5",
            description = "Seconds of each WebSocket run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--rest-seconds",
            defaultValue = "10",
            description = "Seconds of each REST run (default: ${DEFAULT-VALUE}).")
    int restSeconds;

    @Option(
            names = "--weight-limit",
            defaultValue = "240",
            description =
                    "The simulator's weight per simulated minute (default: ${DEFAULT-VALUE}).")
    int weightLimit;

    @Option(
            names = "--time-scale",
            defaultValue = "60",
            description =
                    "Simulated seconds per wall second, (0, 3600] (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(
            names = "--peer-lib",
            paramLabel = "DIR",
            description =
                    "Classpath folder of the peer (default: bench-peers/binance-connector/target/lib,"
                            + " looked up from here and from the app's code location).")
    String peerLib;

    ClientBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    ClientBench.Options options() {
        return new ClientBench.Options(
                Checks.positive("--seconds", seconds),
                Checks.positive("--rest-seconds", restSeconds),
                Checks.positive("--weight-limit", weightLimit),
                Checks.above("--time-scale", timeScale, 0, 3600),
                peerLib);
    }

    @Override
    public Integer call() {
        ClientBench.run(options(), ctx.out());
        return ExitCode.OK;
    }
}
