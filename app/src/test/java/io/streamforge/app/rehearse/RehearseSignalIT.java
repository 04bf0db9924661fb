package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.embedded.Folders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code streamforge rehearse} as a user runs it, in its own JVM, stopped with SIGTERM (what Ctrl-C
 * and {@code kill} send) while its pods run: the JVM must end and every process it started must be
 * gone. Found broken: once helm-java's Go runtime was loaded into the rehearsal's JVM, the JVM
 * ignored SIGINT and SIGTERM, and a {@code kill -9} left every pod running; the chart is now
 * rendered in a child JVM ({@link HelmTemplate}) and {@link StopOnSignal} stops the descendants.
 * Needs the services' packaged jars, as {@code HomelabRehearsalIT}.
 */
class RehearseSignalIT {
    private static final Pattern KEPT = Pattern.compile("work folder kept: (\\S+)");

    @Test
    void sigtermStopsTheRehearsalAndEveryProcessItStarted() throws Exception {
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "io.streamforge.app.Cli",
                                "rehearse",
                                "--identity",
                                "local",
                                "--no-queue-manager-kill")
                        .redirectErrorStream(true)
                        .start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.contains("sf-queue-manager ready")) {
                out.append(line).append('\n');
            }
            assertThat(line).as("the queue-manager's pod became ready: " + out).isNotNull();
            List<ProcessHandle> started = p.toHandle().descendants().toList();
            assertThat(started).as("pods and servers run as child processes").isNotEmpty();
            p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our pipes)
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out.toString()).isTrue();
            for (ProcessHandle h : started) {
                h.onExit().get(60, TimeUnit.SECONDS);
                assertThat(h.isAlive()).as("pid " + h.pid() + " gone").isFalse();
            }
        } finally {
            // on a failure before the SIGTERM: the pods and servers too, not only the CLI's JVM
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            deleteWorkFolder(out.toString());
        }
        assertThat(out.toString())
                .contains("rehearse: stopping", "rehearse: interrupted")
                .as("it stopped instead of running on")
                .doesNotContain("Rehearsal passed");
    }

    private static void deleteWorkFolder(String out) throws IOException {
        Matcher m = KEPT.matcher(out);
        if (m.find() && m.group(1).contains("streamforge-rehearse-")) {
            Folders.deleteRecursively(Path.of(m.group(1)));
        }
    }
}
