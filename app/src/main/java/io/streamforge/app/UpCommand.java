package io.streamforge.app;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import sun.misc.Signal;

/**
 * {@code streamforge up}: starts the platform and keeps it running until SIGTERM or Ctrl-C
 * (SIGINT), then stops it in order ({@link LocalPlatform#stop}) and returns 0. The signals are
 * handled ({@code sun.misc.Signal}, jdk.unsupported) instead of left to the JVM's shutdown: the JVM
 * would exit 143/130 and run every shutdown hook at once, zonky's PostgreSQL stop among them, while
 * the workers still write.
 */
public final class UpCommand {
    private final PrintStream out;

    public UpCommand(PrintStream out) {
        this.out = out;
    }

    public int run(LocalPlatform.Options options) throws Exception {
        return run(options, p -> null, "");
    }

    /**
     * As {@link #run(LocalPlatform.Options)}, with {@code extra} started on the running platform
     * (e.g. the live path of {@code up --live}; null = nothing) and closed first on the stop;
     * {@code note} ends the "up" line.
     */
    public int run(
            LocalPlatform.Options options,
            Function<LocalPlatform, AutoCloseable> extra,
            String note)
            throws Exception {
        CountDownLatch signalled = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> signalled.countDown());
        Signal.handle(new Signal("INT"), s -> signalled.countDown());
        LocalPlatform p = new LocalPlatform(options, m -> out.println("» " + m));
        try (AutoCloseable started = extra.apply(p)) {
            out.println(
                    "» up. UI "
                            + p.visualizerUrl()
                            + ", API "
                            + p.apiUrl()
                            + "/docs, exchange simulator "
                            + p.exchangeUrl()
                            + note);
            out.flush();
            signalled.await();
            long t0 = System.nanoTime();
            out.println("» stopping (queues end interrupted: " + PlatformStop.REASON + ")");
            if (started != null) {
                started.close();
            }
            p.stop(PlatformStop.REASON);
            out.printf("» stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            return 0;
        } finally {
            p.close(); // idempotent; covers an interrupted wait
        }
    }
}
