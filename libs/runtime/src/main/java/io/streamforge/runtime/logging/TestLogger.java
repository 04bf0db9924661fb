package io.streamforge.runtime.logging;

import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code streamforge test-logger}: sends {@code count} test records to Fluent-bit (tag {@code
 * internal.test-logger} or {@code internal.<app>}) and reports whether all were acknowledged
 * (FLUENT_ACK=true, the default) or written. Exit 0 when all were delivered within
 * FLUENT_FLUSH_TIMEOUT_MS, 1 when not, 2 on bad arguments or configuration.
 */
public final class TestLogger {
    public static final String DEFAULT_APP = "test-logger";
    public static final int DEFAULT_COUNT = 10;
    public static final int MAX_COUNT = 1_000_000;
    static final String USAGE =
            "usage: streamforge test-logger [--host h] [--port p] [--count n] [--app name]"
                    + " (defaults: FLUENT_HOST, FLUENT_PORT or 24224, "
                    + DEFAULT_COUNT
                    + ", "
                    + DEFAULT_APP
                    + ")";

    private TestLogger() {}

    public static int run(Map<String, String> env, int count, PrintStream out) {
        return run(env, DEFAULT_APP, count, out);
    }

    /** Sends the records with the FLUENT_* settings from {@code env}; FLUENT_HOST is required. */
    public static int run(Map<String, String> env, String app, int count, PrintStream out) {
        FluentSettings settings;
        try {
            settings = settings(env, app, count);
        } catch (ConfigException | IllegalArgumentException e) {
            out.println("test-logger: " + e.getMessage());
            return ConfigException.EXIT_CODE;
        }
        String runId = UUID.randomUUID().toString();
        long startNs = System.nanoTime();
        try (ForwardSender sender = new ForwardSender(settings)) {
            for (int i = 1; i <= count; i++) {
                sender.offer(record(app, runId, i, count));
            }
            boolean flushed = sender.flush(settings.flushTimeout());
            long ms = (System.nanoTime() - startNs) / 1_000_000;
            long delivered = sender.delivered();
            out.printf(
                    "test-logger: %d of %d records %s by %s with tag %s in %d ms (run_id %s)%n",
                    delivered,
                    count,
                    settings.ack() ? "acknowledged" : "written",
                    settings.address(),
                    settings.tag(),
                    ms,
                    runId);
            if (flushed && delivered == count) {
                return 0;
            }
            out.printf(
                    "test-logger: FAILED, %d not delivered within %d ms; last error: %s%n",
                    count - delivered, settings.flushTimeout().toMillis(), sender.lastError());
            return 1;
        }
    }

    /**
     * Entry point for the CLI: parses {@code --host --port --count --app} (over FLUENT_HOST and
     * FLUENT_PORT from {@code env}) and runs. Returns the exit code.
     */
    public static int cli(String[] args, Map<String, String> env, PrintStream out) {
        Map<String, String> merged = new HashMap<>(env);
        String app = DEFAULT_APP;
        String count = String.valueOf(DEFAULT_COUNT);
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                out.println("test-logger: " + flag + " needs a value; " + USAGE);
                return ConfigException.EXIT_CODE;
            }
            String value = args[++i];
            switch (flag) {
                case "--host" -> merged.put("FLUENT_HOST", value);
                case "--port" -> merged.put("FLUENT_PORT", value);
                case "--count" -> count = value;
                case "--app" -> app = value;
                default -> {
                    out.println("test-logger: unknown option " + flag + "; " + USAGE);
                    return ConfigException.EXIT_CODE;
                }
            }
        }
        int n;
        try {
            n = Integer.parseInt(count.trim());
        } catch (NumberFormatException e) {
            out.println("test-logger: invalid --count: '" + count + "' is not a number");
            return ConfigException.EXIT_CODE;
        }
        return run(merged, app, n, out);
    }

    private static FluentSettings settings(Map<String, String> env, String app, int count) {
        ConfigReader reader = new ConfigReader(env);
        if (count < 1 || count > MAX_COUNT) {
            reader.problem("invalid count: " + count + " not in [1, " + MAX_COUNT + "]");
        }
        Optional<FluentSettings> s = FluentSettings.read(reader, app);
        if (s.isEmpty()) {
            reader.problem("missing FLUENT_HOST (or --host)");
        }
        reader.validate();
        FluentSettings settings = s.orElseThrow();
        return settings.withQueueCapacity(Math.max(settings.queueCapacity(), count));
    }

    private static LogRecord record(String app, String runId, int seq, int count) {
        Instant now = Instant.now();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
        f.put("level", "INFO");
        f.put("logger", TestLogger.class.getName());
        f.put("thread", Thread.currentThread().getName());
        f.put("message", "test-logger record " + seq + " of " + count);
        f.put("service", app);
        f.put("run_id", runId);
        f.put("seq", String.valueOf(seq));
        return LogRecord.of(now, f);
    }
}
