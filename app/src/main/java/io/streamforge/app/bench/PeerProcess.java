package io.streamforge.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer (a product StreamForge is compared with) runs in a child JVM on its own classpath, copied
 * by Maven into {@code bench-peers/<name>/target/lib}, so the app's classpath never sees the peer's
 * dependencies. This finds that folder and starts the child.
 */
final class PeerProcess {
    private PeerProcess() {}

    /**
     * The peer's library folder: {@code override} when given, else {@code
     * bench-peers/<name>/target/lib} in the working directory or above the app's code location.
     */
    static Path libDir(String name, String override) {
        if (override != null) {
            return requireJars(Path.of(override), name);
        }
        String rel = "bench-peers/" + name + "/target/lib";
        List<Path> tried = new ArrayList<>();
        for (Path start : List.of(Path.of("").toAbsolutePath(), codeLocation())) {
            for (Path p = start; p != null; p = p.getParent()) {
                Path candidate = p.resolve(rel);
                tried.add(candidate);
                if (Files.isDirectory(candidate)) {
                    return requireJars(candidate, name);
                }
            }
        }
        throw new IllegalStateException(
                "the classpath of peer '"
                        + name
                        + "' is missing; build it with: ./mvnw -q -pl bench-peers/"
                        + name
                        + " package (looked in "
                        + tried.get(0)
                        + " and the folders above the app)");
    }

    private static Path requireJars(Path dir, String name) {
        try (var s = Files.list(dir)) {
            if (s.noneMatch(p -> p.toString().endsWith(".jar"))) {
                throw new IllegalStateException("no jars in " + dir + " for peer '" + name + "'");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Path codeLocation() {
        try {
            return Path.of(
                            PeerProcess.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts {@code mainClass} in a child JVM on {@code classpath} (the same java binary as this
     * JVM), output appended to {@code log}.
     */
    static Process start(
            String classpath,
            List<String> jvmOptions,
            String mainClass,
            List<String> args,
            Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        try {
            return new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    /** Stops the child: SIGTERM, then SIGKILL after 20 s. */
    static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
