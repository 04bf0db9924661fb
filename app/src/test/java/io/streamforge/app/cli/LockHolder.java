package io.streamforge.app.cli;

import java.nio.file.Path;

/**
 * A child process for {@link DataDirLockTest}: claims the data folder given as the argument the way
 * {@code up} does, prints {@code locked}, then waits until it is killed.
 */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws InterruptedException {
        DataDir.claim(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
