package io.streamforge.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A data folder owned by one streamforge process (ADR 2302). StreamForge writes a marker file into
 * every folder it creates and deletes only inside folders that carry it; a non-empty folder without
 * the marker is refused. The owner holds an OS file lock on {@value #LOCK} in the folder for its
 * whole life and writes its PID to {@value #PID} beside it; a second process is refused with one
 * line naming that PID. The lock goes with the process (also on SIGKILL), so a crash leaves no
 * stale lock.
 */
public final class DataDir implements AutoCloseable {
    /** Written into every folder StreamForge creates; only such folders are ever cleared. */
    public static final String MARKER = ".streamforge-data-dir";

    /** The file the owner locks. */
    public static final String LOCK = ".streamforge.lock";

    /** The owner's PID, for the message a second process prints. */
    public static final String PID = "streamforge.pid";

    private static final Set<String> OWN_FILES = Set.of(MARKER, LOCK, PID);

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDir(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Checks {@code dir} without changing anything: it is absent, an empty folder, or a folder with
     * the marker. Throws {@link UsageError} otherwise.
     */
    public static void check(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageError("--data-dir " + dir + " is not a folder");
        }
        if (!Files.exists(dir.resolve(MARKER)) && !isEmpty(dir)) {
            throw new UsageError(
                    "--data-dir "
                            + dir
                            + " is not empty and was not created by streamforge (no "
                            + MARKER
                            + "); choose another --data-dir or an empty folder");
        }
    }

    /**
     * Checks {@code dir} (see {@link #check}), creates it with the marker when absent or empty, and
     * takes the lock. Throws {@link UsageError} when the folder is refused or in use.
     */
    public static DataDir claim(Path dir) {
        check(dir);
        try {
            Files.createDirectories(dir);
            Path marker = dir.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "created by streamforge; it may delete this folder\n");
            }
        } catch (IOException e) {
            throw new UsageError("--data-dir " + dir + ": cannot create it: " + e.getMessage(), e);
        }
        return lock(dir);
    }

    /**
     * Takes the lock of an existing data folder without creating or clearing anything (for commands
     * that only read one, such as {@code coverage}).
     */
    public static DataDir lock(Path dir) {
        FileChannel ch = null;
        try {
            ch =
                    FileChannel.open(
                            dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = tryLock(ch);
            if (l == null) {
                ch.close();
                throw inUse(dir);
            }
            Files.writeString(dir.resolve(PID), ProcessHandle.current().pid() + "\n");
            return new DataDir(dir, ch, l);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UsageError("--data-dir " + dir + ": cannot lock it: " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM
        }
    }

    /** The one line a second process prints; the PID as the owner wrote it. */
    static UsageError inUse(Path dir) {
        return UsageError.sentence(
                "data dir "
                        + dir
                        + " is in use by streamforge (pid "
                        + ownerPid(dir)
                        + "); stop it or choose another --data-dir");
    }

    /** The owner writes its PID right after locking: wait briefly for it. */
    private static String ownerPid(Path dir) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try {
                String pid = Files.readString(dir.resolve(PID), StandardCharsets.UTF_8).strip();
                if (!pid.isEmpty() || System.nanoTime() > deadline) {
                    return pid.isEmpty() ? "unknown" : pid;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    return "unknown";
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }
    }

    public Path path() {
        return dir;
    }

    /** Deletes everything in the folder except the marker, lock and PID files. */
    public void clear() {
        if (!Files.exists(dir.resolve(MARKER))) {
            throw new IllegalStateException(dir + " has no " + MARKER + ": refusing to clear it");
        }
        try (Stream<Path> top = Files.list(dir)) {
            for (Path p : top.toList()) {
                if (!OWN_FILES.contains(p.getFileName().toString())) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code p} and everything below it. */
    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UsageError("--data-dir " + dir + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** Releases the lock and removes the PID file. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir.resolve(PID));
        } catch (IOException ignored) {
            // the next owner overwrites it
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
