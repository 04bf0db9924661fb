package io.streamforge.app;

import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.queuemanager.LocalJobLauncher;
import io.streamforge.queuemanager.QueueManager;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.runtime.auth.OidcSettings;
import io.streamforge.store.Stores;
import io.streamforge.store.postgres.PostgresStores;
import io.streamforge.store.s3.S3ModelRepository;
import io.streamforge.store.s3.S3Settings;
import io.streamforge.visualizer.VisualizerServer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The two services of the {@link LocalPlatform} that run in its JVM rather than as jobs: the
 * queue-manager (API on loopback, the in-process job launcher) and the visualizer (web UI). Each
 * factory hands what it opens to {@code track}, so the platform closes it, newest first.
 */
final class LocalServices {
    private LocalServices() {}

    /**
     * The queue-manager on {@code 127.0.0.1:apiPort} over the platform's queue store and coverage
     * ledger ({@code GET /queues/{id}/coverage}, the UI's view); symbols are checked against the
     * exchange's trading symbols.
     */
    static QueueManager queueManager(
            LocalPlatform.Options o,
            LocalInfra infra,
            PostgresStores stores,
            LocalJobLauncher launcher,
            String exchangeUrl,
            Consumer<AutoCloseable> track) {
        Set<Symbol> known =
                new BinanceRestClient(BinanceClientConfig.defaults(exchangeUrl)).tradingSymbols();
        QueueManager manager =
                new QueueManager(
                        new QueueManager.Settings(
                                infra.kafkaFor("queue-manager"),
                                "127.0.0.1",
                                o.apiPort(),
                                3,
                                Map.of(),
                                10_000),
                        stores.queues(),
                        stores.coverage(),
                        launcher,
                        known::contains,
                        TimeSource.system(),
                        new QueueManager.Access(
                                HttpAuth.forBind(o.oidc(), "127.0.0.1", "queue-manager"),
                                target -> Optional.empty()));
        track.accept(manager);
        return manager;
    }

    /**
     * The UI in-process over the workers' database (the store factory on the same DB_KIND
     * environment they get: PostgreSQL, or ArangoDB when the extra environment says so), the
     * embedded S3 and the queue-manager API.
     */
    static VisualizerServer visualizer(
            Map<String, String> env,
            int port,
            OidcSettings oidc,
            String apiUrl,
            Consumer<AutoCloseable> track) {
        ConfigReader reader = ConfigReader.forService("visualizer", env);
        S3Settings s3Settings =
                S3Settings.read(reader); // the same bucket/prefix gnn-trainer writes
        DatabaseSettings db = DatabaseSettings.read(reader);
        reader.validate();
        Stores data = Stores.open(db);
        track.accept(data);
        S3ModelRepository models = S3ModelRepository.open(s3Settings);
        track.accept(models);
        VisualizerServer visualizer =
                new VisualizerServer(
                        new VisualizerServer.Ports(
                                data.marketData(), data.indicators(), data.graphs(), models),
                        apiUrl,
                        env.get("MODEL_NAME"),
                        "127.0.0.1",
                        port,
                        HttpAuth.forBind(oidc, "127.0.0.1", "visualizer"));
        track.accept(visualizer);
        return visualizer;
    }
}
