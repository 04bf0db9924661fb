package io.streamforge.app.rehearse;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * While open, Ctrl-C or SIGTERM to the rehearsal stops every process it started — pods, Job pods,
 * PostgreSQL, Keycloak — as a kubelet stops containers: SIGTERM to all, SIGKILL to what is still
 * running after the grace period. Without it the JVM would exit and leave its child JVMs running.
 */
public final class StopOnSignal implements AutoCloseable {
    private static final long GRACE_MS = 15_000;
    private final Thread hook;

    private StopOnSignal(PrintStream err, java.nio.file.Path work) {
        this.hook =
                new Thread(
                        () -> {
                            stopDescendants(err, GRACE_MS);
                            err.println("rehearse: interrupted; work folder kept: " + work);
                        },
                        "rehearse-stop");
    }

    /** Installs the hook until {@link #close()}; {@code work} is named when it runs. */
    public static StopOnSignal install(PrintStream err, java.nio.file.Path work) {
        StopOnSignal s = new StopOnSignal(err, work);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** SIGTERM to every descendant of this JVM, SIGKILL after {@code graceMs}; returns how many. */
    static int stopDescendants(PrintStream err, long graceMs) {
        List<ProcessHandle> all = ProcessHandle.current().descendants().toList();
        if (all.isEmpty()) {
            return 0;
        }
        err.printf("rehearse: stopping %d processes it started%n", all.size());
        all.forEach(ProcessHandle::destroy);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMs);
        for (ProcessHandle p : all) {
            long left = Math.max(1, end - System.nanoTime());
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        return all.size();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
