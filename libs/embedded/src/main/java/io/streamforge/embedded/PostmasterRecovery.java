package io.streamforge.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a PostgreSQL server left running on a cluster folder by a JVM that died without
 * stopping it (SIGKILL, the OOM killer): {@code pg_ctl} starts the postmaster in its own session,
 * so it outlives its parent. A postmaster counts as an orphan when {@code postmaster.pid} names a
 * live {@code postgres} process and no live JVM holds zonky's {@code epg-lock} on the folder (the
 * OS releases that lock when its holder dies). It is stopped as {@code pg_ctl stop -m fast} does
 * (SIGINT), then as {@code -m immediate} does (SIGQUIT) if it is still there. A lock file naming a
 * dead PID is left to PostgreSQL, which removes a stale one itself.
 */
final class PostmasterRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(PostmasterRecovery.class);
    static final String PID_FILE = "postmaster.pid";
    static final String OWNER_LOCK = "epg-lock";
    private static final Duration FAST_STOP = Duration.ofSeconds(15);
    private static final Duration IMMEDIATE_STOP = Duration.ofSeconds(10);

    private PostmasterRecovery() {}

    /**
     * Stops an orphaned postmaster on {@code cluster}; returns whether there was one. Logs one line
     * when it stops one.
     */
    static boolean stopOrphan(Path cluster) {
        Optional<ProcessHandle> orphan = livePostmaster(cluster);
        if (orphan.isEmpty() || ownerAlive(cluster)) {
            return false;
        }
        long pid = orphan.get().pid();
        LOG.warn(
                "PostgreSQL (pid {}) was left running on {} by a crashed run; stopping it and"
                        + " starting clean",
                pid,
                cluster);
        if (!stop(orphan.get(), "INT", FAST_STOP) && !stop(orphan.get(), "QUIT", IMMEDIATE_STOP)) {
            orphan.get().destroyForcibly();
            awaitExit(orphan.get(), IMMEDIATE_STOP);
        }
        return true;
    }

    /** The live {@code postgres} process {@code postmaster.pid} names, if any. */
    static Optional<ProcessHandle> livePostmaster(Path cluster) {
        return pid(cluster.resolve(PID_FILE))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(PostmasterRecovery::isPostgres);
    }

    /** The first line of {@code postmaster.pid}: the postmaster's PID. */
    static Optional<Long> pid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0)));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // absent or half-written: nothing to recover
        }
    }

    /** A PID reused by another program is never signalled: its command must be postgres. */
    private static boolean isPostgres(ProcessHandle p) {
        return p.info()
                .command()
                .map(c -> Path.of(c).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postmaster"))
                .orElse(false);
    }

    /** Whether a live process (this JVM included) holds zonky's lock on the cluster folder. */
    private static boolean ownerAlive(Path cluster) {
        Path lock = cluster.resolve(OWNER_LOCK);
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE);
                FileLock held = ch.tryLock()) {
            return held == null;
        } catch (OverlappingFileLockException e) {
            return true; // a server of this JVM runs on it
        } catch (IOException e) {
            return true; // cannot tell: leave the server alone, PostgreSQL will say why
        }
    }

    /** Sends {@code signal} with kill(1) and waits for the exit; returns whether it exited. */
    private static boolean stop(ProcessHandle p, String signal, Duration wait) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            LOG.warn("cannot signal PostgreSQL pid {}: {}", p.pid(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return awaitExit(p, wait);
    }

    private static boolean awaitExit(ProcessHandle p, Duration wait) {
        try {
            p.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }
}
