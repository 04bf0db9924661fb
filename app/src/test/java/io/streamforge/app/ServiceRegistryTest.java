package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.connector.ConnectorWorker;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.dummy.DummyWorker;
import io.streamforge.gnntrainer.GnnTrainerWorker;
import io.streamforge.graphbuilder.GraphBuilderWorker;
import io.streamforge.loader.candles.CandlesLoader;
import io.streamforge.loader.trades.TradesLoader;
import io.streamforge.loader.ws.WsLoaderWorker;
import io.streamforge.queuemanager.k8s.StandaloneConfig;
import io.streamforge.registry.EnvVar;
import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.runtime.logging.FluentSettings;
import io.streamforge.visualizer.VisualizerSettings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's descriptor in the service registry equals what its settings classes ask the {@link
 * ConfigReader} for, under every database kind, Kafka security mode and source: nothing is read
 * that is not declared, nothing is declared that is never read. Read outside the settings and added
 * here: {@code FLUENT_*} (log forwarding, installed by every main) and {@code HTTP_HOST} (the
 * health server). Every read also keeps the descriptor's need and default ({@link
 * ConfigReader#contractProblems()} is empty), so a default changed on one side only fails here.
 * Prefix declarations ({@code WORKER_IMAGE_*}) are matched, not asked for by name.
 */
class ServiceRegistryTest {
    private static final Map<String, Worker.Factory> WORKERS = new LinkedHashMap<>();

    static {
        WORKERS.put(CandlesLoader.SERVICE, CandlesLoader::create);
        WORKERS.put(TradesLoader.SERVICE, TradesLoader::create);
        WORKERS.put(WsLoaderWorker.SERVICE, WsLoaderWorker::create);
        WORKERS.put(ConnectorWorker.SERVICE, ConnectorWorker::create);
        WORKERS.put(GraphBuilderWorker.SERVICE, GraphBuilderWorker::create);
        WORKERS.put(GnnTrainerWorker.SERVICE, GnnTrainerWorker::create);
        WORKERS.put(DummyWorker.SERVICE, DummyWorker::create);
    }

    /** The environments the settings are read under (their union covers every branch). */
    private static List<Map<String, String>> environments() {
        List<Map<String, String>> out = new java.util.ArrayList<>();
        for (String kind : List.of("postgres", "arango")) {
            for (String source : List.of("rest", "dump", "auto")) {
                for (boolean sasl : List.of(true, false)) {
                    Map<String, String> env = new HashMap<>();
                    env.put("DB_KIND", kind);
                    env.put("SOURCE", source);
                    env.put("QUEUE_ID", "q");
                    env.put("KAFKA_BOOTSTRAP_SERVERS", "k:9092");
                    env.put("KAFKA_SECURITY_PROTOCOL", sasl ? "SASL_SSL" : "PLAINTEXT");
                    if (sasl) {
                        env.put("SYMBOLS", "BTCUSDT,ETHUSDT"); // else SYMBOL is read too
                    }
                    out.add(env);
                }
            }
        }
        // the live modes (ADR 3001) of loader-ws and the connector read their own variables
        Map<String, String> live = new HashMap<>(out.get(out.size() - 1));
        live.put("LOADER_MODE", "live");
        live.put("CONNECTOR_MODE", "live");
        out.add(live);
        return out;
    }

    private static Set<String> readOutsideSettings() {
        ConfigReader fluent = new ConfigReader(Map.of("FLUENT_HOST", "fluent-bit"));
        FluentSettings.read(fluent, "x");
        Set<String> out = new TreeSet<>(fluent.asked());
        out.add("HTTP_HOST");
        return out;
    }

    /** Reads that break a descriptor, over every service and environment. */
    private static final Set<String> CONTRACT = new TreeSet<>();

    private static Set<String> askedByWorker(String service, Worker.Factory factory) {
        Set<String> asked = new TreeSet<>(readOutsideSettings());
        for (Map<String, String> env : environments()) {
            WorkerRunner.run(
                    service,
                    env,
                    false,
                    (r, common) -> {
                        try {
                            factory.create(r, common);
                        } finally {
                            asked.addAll(r.asked());
                            CONTRACT.addAll(r.contractProblems());
                        }
                        throw new ConfigException(List.of("read only")); // never run the worker
                    },
                    new StopSignal(),
                    TimeSource.system());
        }
        return asked;
    }

    private static Set<String> askedByVisualizer() {
        Set<String> asked = new TreeSet<>(readOutsideSettings());
        for (Map<String, String> env : environments()) {
            ConfigReader r = ConfigReader.forService("visualizer", env);
            try {
                VisualizerSettings.read(r);
            } catch (ConfigException expected) {
                // QUEUE_MANAGER_URL is missing on purpose: every variable is still asked for
            }
            asked.addAll(r.asked());
            CONTRACT.addAll(r.contractProblems());
        }
        return asked;
    }

    private static Set<String> askedByQueueManager() throws Exception {
        Set<String> asked = new TreeSet<>(readOutsideSettings());
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("qm-templates");
        for (Map<String, String> env : environments()) {
            for (boolean oidc : List.of(true, false)) {
                Map<String, String> e = new HashMap<>(env);
                e.put("K8S_NAMESPACE", "streamforge");
                e.put("WORKER_TEMPLATE_DIR", dir.toString());
                if (oidc) {
                    e.put("OIDC_ISSUER_URL", "https://keycloak.example/realms/streamforge");
                }
                ConfigReader r = ConfigReader.forService("queue-manager", e);
                try {
                    StandaloneConfig.read(r, e);
                } catch (ConfigException expected) {
                    // passwords and URLs are missing on purpose: every variable is still asked for
                }
                asked.addAll(r.asked());
                CONTRACT.addAll(r.contractProblems());
            }
        }
        return asked;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "loader-api-candles",
                "loader-api-trades",
                "loader-ws",
                "arango-connector",
                "graph-builder",
                "gnn-trainer",
                "dummy-service",
                "visualizer",
                "queue-manager"
            })
    void theDescriptorIsExactlyWhatTheServiceReads(String service) throws Exception {
        CONTRACT.clear();
        Set<String> asked =
                switch (service) {
                    case "visualizer" -> askedByVisualizer();
                    case "queue-manager" -> askedByQueueManager();
                    default -> askedByWorker(service, WORKERS.get(service));
                };
        ServiceDescriptor d = ServiceRegistry.of(service);
        Set<String> declared = new TreeSet<>();
        d.env().stream().filter(v -> !v.name().endsWith("*")).forEach(v -> declared.add(v.name()));
        asked.removeIf(n -> d.variable(n).filter(v -> v.name().endsWith("*")).isPresent());
        assertThat(CONTRACT).as("reads of %s that break its descriptor", service).isEmpty();
        assertThat(asked).as("read by %s but not declared", service).isSubsetOf(declared);
        assertThat(declared).as("declared for %s but never read", service).isSubsetOf(asked);
        if (d.kind() == ServiceDescriptor.Kind.JOB) {
            assertThat(d.env().stream().filter(v -> v.need() == EnvVar.Need.LAUNCH))
                    .as("identity of a %s job comes from the queue-manager", service)
                    .extracting(EnvVar::name)
                    .contains("QUEUE_ID");
        }
    }
}
