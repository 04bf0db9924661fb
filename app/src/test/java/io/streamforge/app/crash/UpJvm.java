package io.streamforge.app.crash;

import io.streamforge.app.ApiClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code streamforge up} ({@code io.streamforge.app.Cli up}) in a child JVM with this
 * test's class path, on a given data folder, API and UI on free ports; its output goes to a file.
 */
final class UpJvm {
    private static final Pattern READY =
            Pattern.compile("» up\\. UI \\S+, API (http://127\\.0\\.0\\.1:\\d+)/docs");

    final Process process;
    final Path log;
    final Path dataDir;
    final long startedNs = System.nanoTime();
    private String apiUrl;

    private UpJvm(Process process, Path log, Path dataDir) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
    }

    static UpJvm start(Path dataDir, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "up-" + name + ".log").toAbsolutePath();
        ProcessBuilder pb =
                new ProcessBuilder(
                        java,
                        "-Xmx1g",
                        "-DLOG_FORMAT=text",
                        "-DLOG_LEVEL=WARN",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.streamforge.app.Cli",
                        "up",
                        "--data-dir",
                        dataDir.toString(),
                        "--port",
                        "0",
                        "--ui-port",
                        "0");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new UpJvm(pb.start(), log, dataDir);
    }

    /** Waits for the ready line; returns how long the start took. Fails if the JVM exits. */
    Duration awaitReady(Duration timeout) throws Exception {
        long deadline = startedNs + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(output());
            if (m.find()) {
                apiUrl = m.group(1);
                return Duration.ofNanos(System.nanoTime() - startedNs);
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        "up exited with " + process.exitValue() + " before ready:\n" + output());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("up not ready within " + timeout + ":\n" + output());
    }

    ApiClient api() {
        return new ApiClient(apiUrl);
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** The postmaster this platform's PostgreSQL runs as (from its {@code postmaster.pid}). */
    static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = pgdata(dataDir).resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty()
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                        .filter(ProcessHandle::isAlive);
    }

    /** Every live {@code postgres} process whose command line names this data folder. */
    static List<ProcessHandle> postgresProcesses(Path dataDir) {
        String folder = pgdata(dataDir).toString();
        return ProcessHandle.allProcesses()
                .filter(
                        p ->
                                p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                                        && p.info()
                                                .commandLine()
                                                .map(c -> c.contains(folder))
                                                .orElse(false))
                .toList();
    }

    static Path pgdata(Path dataDir) {
        return dataDir.resolve("postgres").resolve("pgdata");
    }

    /**
     * Ends whatever is left (the JVM, its children, its PostgreSQL) and deletes the data folder,
     * for @AfterEach.
     */
    void destroy() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle pg : postgresProcesses(dataDir)) {
            pg.destroy(); // SIGTERM: a clean stop
            try {
                pg.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                pg.destroyForcibly();
            }
        }
        deleteQuietly(dataDir);
    }

    /** Deletes a folder tree; what cannot be deleted stays (a temp folder). */
    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder: the OS cleans up what is left
        }
    }

    /**
     * How long a restart may take: 30 s on a machine whose cores are its own, proportionally more
     * (up to 6×) when the load average says other work shares them — the restart is CPU-bound (JVM
     * start, class loading, Kafka, PostgreSQL, S3Proxy, the schema check).
     */
    static Duration readyBound(Duration idle) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double shared = Math.max(1, load / Runtime.getRuntime().availableProcessors());
        return Duration.ofMillis((long) (idle.toMillis() * Math.min(shared, 6)));
    }

    /**
     * A 5-symbol 1m-candles pipeline (loader + connector) over {@code days}: long enough to be
     * stopped mid-load.
     */
    static String candlesPipeline(String days) {
        return "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\",\"BNBUSDT\",\"SOLUSDT\",\"XRPUSDT\"],"
                + "\"time_range\":\""
                + days
                + "\",\"microservices\":[{\"target\":\"loader-api-candles\",\"type\":\"candles\","
                + "\"interval\":\"1m\"},{\"target\":\"arango-connector\"}]}";
    }

    /** Starts a pipeline and waits until it has stored records; returns the queue id. */
    String startLoading(String pipeline, Duration timeout) throws InterruptedException {
        ApiClient.Answer created = api().post("/queues/start-pipeline", pipeline);
        if (created.status() != 201) {
            throw new AssertionError("start-pipeline answered " + created);
        }
        String id = created.body().get("queue_id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var q = api().get("/queues/" + id).body();
            if (q.get("records_written").asLong() > 0) {
                if (!q.get("status").asText().equals("running")) {
                    throw new AssertionError("the pipeline is no longer running: " + q);
                }
                return id;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no records stored within " + timeout);
    }
}
