package io.streamforge.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.app.ApiClient;
import io.streamforge.app.DemoCommand;
import io.streamforge.domain.Symbol;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code bench up}: {@code streamforge up} in a child process (the same java and classpath as this
 * one, the launcher script's default heap); the time until the API ({@code GET /queues}) and the UI
 * ({@code GET /} and {@code /api/config}) both answer 200, then a demo-sized pipeline through the
 * API while the memory of every process of the platform — the JVM, its children, the embedded
 * PostgreSQL server and its backends — is sampled from {@code /proc}. Decisions: ADR 2901.
 */
public final class UpBench {

    public record Options(
            List<Symbol> symbols,
            String range,
            String heap,
            boolean analytics,
            Path dataDir,
            List<String> jvmOptions) {}

    public record Result(
            double readySeconds, double pipelineSeconds, String status, ProcessMemory.Peak peak) {}

    private UpBench() {}

    private static List<String> jvmArgs(Options o) {
        List<String> args =
                new java.util.ArrayList<>(List.of("-Xmx" + o.heap(), "-DLOG_LEVEL=WARN"));
        args.addAll(o.jvmOptions());
        return args;
    }

    public static Result run(Options o, PrintStream out) {
        Path dir = o.dataDir() != null ? o.dataDir() : tempDir();
        int api = freePort();
        int ui = freePort();
        out.println(
                "» streamforge up (child process, JVM "
                        + String.join(" ", jvmArgs(o))
                        + "), data in "
                        + dir);
        Path log = dir.resolveSibling(dir.getFileName() + "-up.log");
        long t0 = System.nanoTime();
        Process p =
                PeerProcess.start(
                        System.getProperty("java.class.path"),
                        jvmArgs(o),
                        "io.streamforge.app.Cli",
                        List.of(
                                "up",
                                "--port",
                                "" + api,
                                "--ui-port",
                                "" + ui,
                                "--data-dir",
                                dir.toString()),
                        log);
        Path pgdata = dir.resolve("postgres").resolve("pgdata");
        try (ProcessMemory mem =
                ProcessMemory.start(() -> List.of(p.pid(), postmaster(pgdata)), 100)) {
            awaitOk(p, "http://127.0.0.1:" + api + "/queues");
            awaitOk(p, "http://127.0.0.1:" + ui + "/");
            awaitOk(p, "http://127.0.0.1:" + ui + "/api/config");
            double ready = (System.nanoTime() - t0) / 1e9;
            out.printf("» API and UI answer after %.1f s; demo pipeline ...%n", ready);
            long tp = System.nanoTime();
            String status = pipeline(new ApiClient("http://127.0.0.1:" + api), o);
            double pipeline = (System.nanoTime() - tp) / 1e9;
            mem.close();
            Result r = new Result(ready, pipeline, status, mem.peak());
            print(r, o, out);
            DumpBench.delete(log); // kept when the run failed
            return r;
        } finally {
            PeerProcess.stop(p);
            if (o.dataDir() == null) {
                DumpBench.delete(dir); // the platform's Kafka, PostgreSQL and S3 data
            }
        }
    }

    private static String pipeline(ApiClient api, Options o) {
        var created =
                api.post(
                        "/queues/start-pipeline",
                        DemoCommand.pipelineJson(o.symbols(), o.range(), "1m", o.analytics()));
        if (created.status() != 201) {
            throw new IllegalStateException("start-pipeline refused: " + created.body());
        }
        String id = created.body().get("queue_id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode q = api.get("/queues/" + id).body();
            String status = q.get("status").asText();
            if (!status.equals("pending") && !status.equals("running")) {
                return status;
            }
            RestBench.sleepMs(200);
        }
        throw new IllegalStateException("pipeline " + id + " did not end in 20 min");
    }

    private static void print(Result r, Options o, PrintStream out) {
        var pk = r.peak();
        out.println();
        out.printf(
                "demo pipeline (%d symbols, %s, analytics %s): %s in %.1f s%n",
                o.symbols().size(),
                o.range(),
                o.analytics() ? "on" : "off",
                r.status(),
                r.pipelineSeconds());
        out.printf(
                "peak memory, all processes          RSS %,d MB (sum over %d processes; shared pages"
                        + " counted per process), PSS %,d MB%n",
                pk.rssBytes() >> 20, pk.processes(), pk.pssBytes() >> 20);
        out.printf(
                "ready (API + UI answer)  %.1f s  (target ≤ 20 s: %s)%n",
                r.readySeconds(), r.readySeconds() <= 20 ? "met" : "not met");
        out.printf(
                "peak RSS  %,d MB  (target ≤ 1,536 MB: %s)%n",
                pk.rssBytes() >> 20, pk.rssBytes() <= 1536L << 20 ? "met" : "not met");
    }

    private static void awaitOk(Process p, String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("streamforge up exited " + p.exitValue());
            }
            try {
                var req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
                if (http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            RestBench.sleepMs(50);
        }
        throw new IllegalStateException(url + " did not answer 200 within 5 min");
    }

    private static long postmaster(Path pgdata) {
        try {
            return Long.parseLong(
                    Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1; // not started yet
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("streamforge-bench-up-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
