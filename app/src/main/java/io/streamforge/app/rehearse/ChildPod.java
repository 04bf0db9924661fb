package io.streamforge.app.rehearse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One rehearsed container: a child JVM with the container's environment (nothing inherited from
 * this process but {@code PATH}), its output in {@code <pod dir>/container.log}.
 *
 * @param rendered the environment as the chart rendered it (before the host map)
 */
public record ChildPod(
        String name,
        String service,
        Process process,
        Map<String, String> env,
        Map<String, String> rendered,
        int httpPort,
        Path log) {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static ChildPod start(
            String name,
            ServiceImage image,
            Map<String, String> env,
            Map<String, String> rendered,
            int httpPort,
            Path dir) {
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("container.log");
            ProcessBuilder pb = new ProcessBuilder(image.command()).directory(dir.toFile());
            String path = System.getenv("PATH");
            pb.environment().clear();
            pb.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
            pb.environment().putAll(env);
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            return new ChildPod(
                    name, image.service(), pb.start(), Map.copyOf(env), rendered, httpPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start pod " + name, e);
        }
    }

    /** A loopback port that was free a moment ago. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Waits until {@code /health/ready} answers 200; a container that exits first fails loudly. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(exitMessage());
            }
            if (get("/health/ready") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                name
                        + " ("
                        + service
                        + ") not ready after "
                        + timeout.toSeconds()
                        + " s; see "
                        + log);
    }

    /** {@code /metrics} text, or null when it does not answer 200. */
    public String metrics() {
        try {
            HttpResponse<String> r =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(url() + "/metrics"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private int get(String path) throws InterruptedException {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url() + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Why the container exited: workload, service, exit code and the log's error lines (a service
     * refusing its configuration names every variable there).
     */
    public String exitMessage() {
        int code = process.isAlive() ? -1 : process.exitValue();
        return name
                + " ("
                + service
                + ") exited with "
                + code
                + ": "
                + errorLines()
                + " [log "
                + log
                + "]";
    }

    private String errorLines() {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> errors =
                    lines.stream()
                            .filter(l -> l.contains("ERROR"))
                            .limit(2)
                            .map(ChildPod::message)
                            .toList();
            if (errors.isEmpty()) {
                errors =
                        lines.subList(Math.max(0, lines.size() - 2), lines.size()).stream()
                                .map(ChildPod::message)
                                .toList();
            }
            return String.join(" | ", errors);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The {@code message} of a JSON log line (else the line), at most 400 characters. */
    private static String message(String line) {
        String m = line;
        int i = line.indexOf("\"message\":\"");
        if (i >= 0) {
            int start = i + "\"message\":\"".length();
            int end = line.indexOf("\",\"", start);
            m = line.substring(start, end < 0 ? line.length() : end);
        }
        return m.length() > 400 ? m.substring(0, 400) + "..." : m;
    }

    /**
     * SIGTERM, as the kubelet stops a container; SIGKILL after {@code graceMs}. Returns the exit
     * code.
     */
    public int stop(long graceMs) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.isAlive() ? -1 : process.exitValue();
    }
}
