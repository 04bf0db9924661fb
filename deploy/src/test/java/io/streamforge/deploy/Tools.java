package io.streamforge.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** External tools (promtool, lua5.4, shellcheck, openssl): run them, or skip/fail when absent. */
final class Tools {
    private Tools() {}

    /** Result of one process run. */
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    /** Repository root: the parent of the deploy module. */
    static Path repoRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(cwd.resolve("deploy")) ? cwd : cwd.getParent();
        if (!Files.isRegularFile(root.resolve("deploy/pom.xml"))) {
            throw new IllegalStateException("cannot locate repository root from " + cwd);
        }
        return root;
    }

    static Path deployDir() {
        return repoRoot().resolve("deploy");
    }

    /**
     * Makes sure a command-line tool is on the PATH: fails with a clear message when CI=true (the
     * CI machine must have it, see deploy/ci-deps.sh), skips the test otherwise.
     */
    static void require(String tool) {
        if (onPath(tool)) {
            return;
        }
        String msg =
                "required tool '"
                        + tool
                        + "' is not on the PATH; install it with: bash deploy/ci-deps.sh";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(msg);
        }
        Assumptions.abort(msg);
    }

    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    static Result run(Path workDir, String... command) {
        return run(workDir, null, List.of(command));
    }

    static Result run(Path workDir, String stdin, List<String> command) {
        try {
            Path out = Files.createTempFile("sf-tool", ".out");
            Path err = Files.createTempFile("sf-tool", ".err");
            ProcessBuilder pb =
                    new ProcessBuilder(new ArrayList<>(command))
                            .directory(workDir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile());
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            Result r =
                    new Result(
                            p.exitValue(),
                            Files.readString(out, StandardCharsets.UTF_8),
                            Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
