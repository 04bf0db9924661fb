package io.streamforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One owner per data folder (issue 16 item 1, ADR 2302), with real processes: a second {@code
 * streamforge} (the real {@code Cli} main in a child JVM) on a folder that another process holds
 * exits 2 with exactly one line naming the owner's PID; a SIGKILLed owner leaves no stale lock.
 */
class DataDirLockTest {
    private static final long DEADLINE_S = 120; // a loaded machine starts JVMs slowly

    @TempDir Path tmp;

    @Test
    void aSecondProcessGetsExitTwoAndOneLineNamingTheOwner() throws Exception {
        Path dir = tmp.resolve("platform");
        long owner = ProcessHandle.current().pid();
        try (DataDir held = DataDir.claim(dir)) {
            for (String command : List.of("up", "demo")) {
                Process p =
                        java("io.streamforge.app.Cli", command, "--data-dir", dir.toString())
                                .start();
                assertThat(p.waitFor(DEADLINE_S, TimeUnit.SECONDS)).as("exits").isTrue();
                String err = read(p.getErrorStream());
                assertThat(p.exitValue()).as(err).isEqualTo(2);
                assertThat(err)
                        .isEqualTo(
                                "data dir "
                                        + dir
                                        + " is in use by streamforge (pid "
                                        + owner
                                        + "); stop it or choose another --data-dir\n");
                assertThat(read(p.getInputStream())).isEmpty();
            }
        }
    }

    @Test
    void theLockDiesWithItsProcessEvenOnSigkill() throws Exception {
        Path dir = tmp.resolve("crashed");
        Process holder = java(LockHolder.class.getName(), dir.toString()).start();
        try {
            BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            CliRun r = CliRun.of("up", "--data-dir", dir.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .isEqualTo(
                            "data dir "
                                    + dir
                                    + " is in use by streamforge (pid "
                                    + holder.pid()
                                    + "); stop it or choose another --data-dir\n");
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(holder.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dir.resolve(DataDir.PID)).as("left behind by the killed owner").exists();
        try (DataDir next = DataDir.claim(dir)) {
            assertThat(Files.readString(dir.resolve(DataDir.PID)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    private static String read(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
