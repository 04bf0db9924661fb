package io.streamforge.app.cli;

import io.streamforge.app.LocalPlatform;
import io.streamforge.sim.SimConfig;
import java.nio.file.Path;
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
            "Start the embedded platform (Kafka, PostgreSQL, S3, exchange simulator,",
            "queue-manager API, web UI) and keep it running until Ctrl-C; data is kept."
        })
public final class UpCli implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".streamforge/up",
            description = {
                "Data folder, kept between runs (default: ${DEFAULT-VALUE}). Only a folder",
                "streamforge created (it holds " + DataDir.MARKER + ") or an empty one is used."
            })
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

    UpCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Checks.port("--port", port);
        Checks.port("--ui-port", uiPort);
        try (DataDir dir = DataDir.claim(dataDir);
                LocalPlatform p =
                        new LocalPlatform(
                                new LocalPlatform.Options(
                                        dataDir,
                                        port,
                                        null,
                                        SimConfig.defaults(),
                                        Map.of(),
                                        uiPort),
                                m -> ctx.out().println("» " + m))) {
            ctx.out()
                    .println(
                            "» up. UI "
                                    + p.visualizerUrl()
                                    + ", API "
                                    + p.apiUrl()
                                    + "/docs, exchange simulator "
                                    + p.exchangeUrl()
                                    + " (data in "
                                    + dir.path()
                                    + "; Ctrl-C stops)");
            Thread.currentThread().join();
        }
        return ExitCode.OK;
    }
}
