package io.streamforge.app.cli;

import io.streamforge.runtime.logging.TestLogger;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge test-logger}: test records to Fluent-bit over the forward protocol. */
@Command(
        name = "test-logger",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Send numbered test log records to Fluent-bit and wait for them.")
public final class TestLoggerCli implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--host", description = "Fluent-bit host (default: FLUENT_HOST).")
    String host;

    @Option(names = "--port", description = "Fluent-bit port (default: FLUENT_PORT, else 24224).")
    Integer port;

    @Option(
            names = "--count",
            defaultValue = "" + TestLogger.DEFAULT_COUNT,
            description =
                    "Records to send, 1.." + TestLogger.MAX_COUNT + " (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = "--app",
            defaultValue = TestLogger.DEFAULT_APP,
            description = "The records' service name (default: ${DEFAULT-VALUE}).")
    String app;

    TestLoggerCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Checks.between("--count", count, 1, TestLogger.MAX_COUNT);
        Map<String, String> env = new HashMap<>(ctx.env());
        if (host != null) {
            env.put("FLUENT_HOST", host);
        }
        if (port != null) {
            env.put("FLUENT_PORT", Integer.toString(Checks.port("--port", port)));
        }
        return TestLogger.run(env, app, count, ctx.out());
    }
}
