package io.streamforge.visualizer;

import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.ServiceMain;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.store.Stores;
import io.streamforge.store.s3.S3ModelRepository;
import java.util.Deque;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standalone visualizer (the chart's Deployment): reads the environment, opens the database of
 * DB_KIND ({@link Stores}: PostgreSQL or ArangoDB) and S3, serves until SIGTERM. Exit codes: 0
 * after SIGTERM, 1 when a dependency cannot be opened at start, 2 on configuration errors (all
 * listed at once). Variables: see the module README.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    public static final int OK = ServiceMain.OK;
    public static final int FAILED = ServiceMain.FAILED;
    private static final long SHUTDOWN_WAIT_MS = 20_000;

    /** The API reads only; a few connections are enough. */
    private static final int POOL_SIZE = 4;

    private Main() {}

    public static void main(String[] args) {
        ServiceMain.main("visualizer", SHUTDOWN_WAIT_MS, stop -> run(System.getenv(), stop));
    }

    /** Runs until {@code stop} fires; returns the exit code. */
    public static int run(Map<String, String> env, StopSignal stop) {
        return ServiceMain.run(
                "visualizer",
                env,
                stop,
                e -> VisualizerSettings.read(ConfigReader.forService("visualizer", e)),
                Main::start);
    }

    /** Opens the stores and the server; {@code opened} gets each part to close (LIFO). */
    static VisualizerServer start(VisualizerSettings s, Deque<AutoCloseable> opened) {
        Stores stores = Stores.open(s.database(), POOL_SIZE);
        opened.push(stores);
        S3ModelRepository models = S3ModelRepository.open(s.s3());
        opened.push(models);
        VisualizerServer server =
                new VisualizerServer(
                        new VisualizerServer.Ports(
                                stores.marketData(), stores.indicators(), stores.graphs(), models),
                        s.queueManagerUrl(),
                        s.modelName(),
                        s.httpHost(),
                        s.httpPort(),
                        HttpAuth.forBind(s.oidc(), s.httpHost(), "visualizer"));
        opened.push(server);
        return server;
    }
}
