package io.streamforge.runtime;

import io.streamforge.runtime.logging.FluentForwarding;
import io.streamforge.runtime.logging.LogFields;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of a long-running service (queue-manager, visualizer), as opposed to a {@link
 * Worker}: read the configuration (exit 2 with every problem), open the parts in dependency order,
 * serve until SIGTERM, close the parts in reverse order. Exit codes: 0 after SIGTERM, 1 when a part
 * cannot be opened, 2 on configuration errors.
 */
public final class ServiceMain {
    public static final int OK = 0;
    public static final int FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);

    /** Reads the typed configuration; throws {@link ConfigException} listing every problem. */
    @FunctionalInterface
    public interface ConfigParser<C> {
        C read(Map<String, String> env);
    }

    /** Opens the service's parts; pushes each onto {@code opened} (closed LIFO). */
    @FunctionalInterface
    public interface Starter<C> {
        void start(C config, Deque<AutoCloseable> opened);
    }

    private ServiceMain() {}

    /**
     * For {@code main()}: SIGTERM fires the stop signal and waits up to {@code shutdownWaitMs} for
     * {@code run} to close everything; without SIGTERM the JVM exits with {@code run}'s code.
     */
    public static void main(String name, long shutdownWaitMs, ToIntFunction<StopSignal> run) {
        LogFields.setProcess(name, null, null); // "service" on every log line of this JVM
        if (!forwardLogs(name, System.getenv())) {
            System.exit(ConfigException.EXIT_CODE);
        }
        StopSignal stop = new StopSignal();
        CountDownLatch done = onSigterm(name, stop, shutdownWaitMs);
        int code = run.applyAsInt(stop);
        done.countDown();
        if (!stop.stopped()) {
            System.exit(code);
        }
    }

    /**
     * Installs the JVM's SIGTERM hook: it fires {@code stop} and then holds the JVM's shutdown
     * until the returned latch is counted down (the work has ended) or {@code waitMs} passed.
     * Without the wait the JVM halts as soon as the hooks return, in the middle of the work it was
     * asked to finish.
     */
    static CountDownLatch onSigterm(String name, StopSignal stop, long waitMs) {
        CountDownLatch done = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            stop.stop("SIGTERM");
                            try {
                                done.await(waitMs, TimeUnit.MILLISECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return done;
    }

    /**
     * For a process (a pod's JVM): forwards its logs to Fluent-bit when {@code FLUENT_HOST} is set
     * ({@link FluentForwarding#installIfConfigured}); false, with the problems logged, when a
     * FLUENT_* variable is invalid.
     */
    static boolean forwardLogs(String name, Map<String, String> env) {
        try {
            FluentForwarding.installIfConfigured(env, name);
            return true;
        } catch (ConfigException e) {
            LOG.error("{}: {}", name, e.getMessage());
            return false;
        }
    }

    /** Runs until {@code stop} fires; returns the exit code. */
    public static <C> int run(
            String name,
            Map<String, String> env,
            StopSignal stop,
            ConfigParser<C> parser,
            Starter<C> starter) {
        C config;
        try {
            config = parser.read(env);
        } catch (ConfigException e) {
            LOG.error("{}: {}", name, e.getMessage());
            return ConfigException.EXIT_CODE;
        }
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            starter.start(config, opened);
            LOG.info("{} started: {}", name, config);
            while (!stop.await(60_000)) {
                // serve until SIGTERM
            }
            LOG.info("{} stopping: {}", name, stop.reason());
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (RuntimeException e) {
            LOG.error("{} cannot start: {}", name, e.getMessage(), e);
            return FAILED;
        } finally {
            closeAll(opened);
        }
    }

    private static void closeAll(Deque<AutoCloseable> opened) {
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", c.getClass().getSimpleName(), e);
            }
        }
    }
}
