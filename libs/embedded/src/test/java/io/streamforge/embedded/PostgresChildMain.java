package io.streamforge.embedded;

import java.nio.file.Path;

/**
 * A JVM that starts a kept PostgreSQL on {@code args[0]}, prints {@code ready} and waits forever.
 */
public final class PostgresChildMain {
    private PostgresChildMain() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer.start(Path.of(args[0]));
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
