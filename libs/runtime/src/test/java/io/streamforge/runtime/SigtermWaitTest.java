package io.streamforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real child JVM: the hook {@link ServiceMain#onSigterm} installs (used by {@code
 * ServiceMain.main} and {@code WorkerRunner.main}) must hold the JVM's shutdown until the work that
 * the stop signal ended has finished — found by the homelab rehearsal, where a worker's hook only
 * fired the signal and the JVM halted in the middle of a store transaction.
 */
class SigtermWaitTest {
    /** The child: runs until stopped, then needs 1 s to finish its batch and writes a file. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            StopSignal stop = new StopSignal();
            CountDownLatch done = ServiceMain.onSigterm("child", stop, 20_000);
            System.out.println("ready");
            System.out.flush();
            while (!stop.stopped()) {
                Thread.sleep(20);
            }
            Thread.sleep(1_000); // the batch in flight
            Files.writeString(Path.of(args[0]), "finished after " + stop.reason());
            done.countDown();
            System.exit(0);
        }
    }

    @Test
    void sigtermWaitsForTheWorkToFinishBeforeTheJvmHalts(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("finished");
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                Child.class.getName(),
                                marker.toString())
                        .redirectErrorStream(true)
                        .start();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // skip anything logged before
            }
            assertThat(line).as("the child started").isEqualTo("ready");
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly(); // a no-op once it ended; ends it on a failed assertion
        }
        assertThat(marker).exists();
        assertThat(Files.readString(marker)).isEqualTo("finished after SIGTERM");
    }
}
