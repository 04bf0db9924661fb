package io.streamforge.app.cli;

import io.streamforge.app.LiveIngestion;
import io.streamforge.app.LocalPlatform;
import io.streamforge.app.UpCommand;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.runtime.auth.OidcSettings;
import io.streamforge.sim.SimConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge up}: the embedded platform, kept running on its data folder. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Start the embedded platform and keep it running until Ctrl-C.",
            "Kafka, PostgreSQL, S3, the exchange simulator, the queue-manager API and the",
            "web UI in one process; the data folder is kept between runs.",
            "OIDC_ISSUER_URL + OIDC_AUDIENCE (and OIDC_CLIENT_ID for the UI's sign-in) set:",
            "the API and the UI require tokens of that issuer; unset: no authentication,",
            "loopback only."
        })
public final class UpCli implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".streamforge/up",
            description =
                    "Data folder, kept between runs; only an empty one or one streamforge created"
                            + " (it holds "
                            + DataDir.MARKER
                            + ") is used (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "API port, 0 = a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--ui-port",
            defaultValue = "8081",
            description = "Web UI port, 0 = a free one (default: ${DEFAULT-VALUE}).")
    int uiPort;

    @Option(
            names = "--live",
            split = ",",
            paramLabel = "SYMBOLS",
            description =
                    "Also run the live path (ADR 3001): loader-ws in live mode on the simulator's"
                            + " streams into live.aggTrade / live.kline_1m and a live connector"
                            + " into PostgreSQL, e.g. --live BTCUSDT,ETHUSDT.")
    List<Symbol> live;

    UpCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Checks.port("--port", port);
        Checks.port("--ui-port", uiPort);
        checkLive(SimConfig.defaults().symbols());
        OidcSettings oidc = OidcSettings.fromEnv(ctx.env()); // checked before the disk is touched
        try (DataDir dir = DataDir.claim(dataDir)) {
            // SIGTERM / Ctrl-C: graceful stop in order, exit 0 (UpCommand, ADR 2801)
            return new UpCommand(ctx.out())
                    .run(
                            new LocalPlatform.Options(
                                            dataDir,
                                            port,
                                            null,
                                            SimConfig.defaults(),
                                            Map.of(),
                                            uiPort)
                                    .withOidc(oidc),
                            this::startLive,
                            " (data in " + dir.path() + "; Ctrl-C stops)");
        }
    }

    /** Every --live symbol must be one the simulator serves (checked before anything starts). */
    private void checkLive(List<Symbol> served) {
        List<Symbol> unknown =
                live == null ? List.of() : live.stream().filter(s -> !served.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new UsageError(
                    "--live: the simulator does not serve "
                            + unknown
                            + " (it serves "
                            + served
                            + ")");
        }
    }

    /** The live loader and one live connector, when --live names symbols. */
    private LiveIngestion startLive(LocalPlatform p) {
        if (live == null || live.isEmpty()) {
            return null;
        }
        ctx.out()
                .println(
                        "» live: loader-ws → "
                                + String.join(", ", LiveIngestion.topics())
                                + " → connector group "
                                + LiveIngestion.GROUP_ID);
        return LiveIngestion.start(p.env(), live, 1, TimeSource.system());
    }
}
