package io.streamforge.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded PostgreSQL from outliving its JVM. A small {@code sh} child polls, once a
 * second, whether this JVM and the postmaster are alive; when the JVM is gone without having
 * stopped the server (SIGKILL, the OOM killer), it stops the postmaster as {@code pg_ctl stop -m
 * fast} does (SIGINT), and as {@code -m immediate} does (SIGQUIT) 10 s later if it is still there.
 * It signals only while {@code postmaster.pid} still names that PID, so a reused PID is never hit.
 * A SIGKILLed JVM's children are not killed with it, so the watchdog survives the JVM (it ignores
 * the Ctrl-C and hang-up sent to the terminal's process group, too); if the watchdog dies too,
 * {@link PostmasterRecovery} stops the orphan on the next start. POSIX {@code sh}, {@code kill},
 * {@code sleep} and {@code head}: Linux and macOS alike.
 */
final class PostmasterWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);
    private static final String SCRIPT =
            """
            trap '' INT HUP
            alive() { kill -0 "$1" 2>/dev/null; }
            owns() { [ "$(head -n 1 "$3" 2>/dev/null)" = "$2" ]; }
            while alive "$1" && alive "$2"; do sleep 1; done
            alive "$2" && owns "$@" || exit 0
            kill -INT "$2"
            i=0
            while [ $i -lt 10 ]; do alive "$2" || exit 0; sleep 1; i=$((i+1)); done
            owns "$@" && kill -QUIT "$2"
            """;

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    /**
     * Starts the watchdog for the postmaster named in {@code cluster/postmaster.pid}; empty (and a
     * log line) when there is no PID to watch or {@code sh} cannot run.
     */
    static Optional<PostmasterWatchdog> start(Path cluster) {
        Path pidFile = cluster.resolve(PostmasterRecovery.PID_FILE);
        Optional<Long> pid = PostmasterRecovery.pid(pidFile);
        if (pid.isEmpty()) {
            LOG.warn("no PostgreSQL PID in {}: no watchdog", pidFile);
            return Optional.empty();
        }
        try {
            Process p =
                    new ProcessBuilder(
                                    "sh",
                                    "-c",
                                    SCRIPT,
                                    "streamforge-pg-watchdog",
                                    Long.toString(ProcessHandle.current().pid()),
                                    Long.toString(pid.get()),
                                    pidFile.toString())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            return Optional.of(new PostmasterWatchdog(p));
        } catch (IOException e) {
            LOG.warn("cannot start the PostgreSQL watchdog: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The watchdog's own process (tests find it to kill it). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Ends the watchdog (after a clean stop of the server it has nothing left to do). */
    @Override
    public void close() {
        process.destroy();
    }
}
