package io.streamforge.registry;

import static io.streamforge.registry.EnvVar.launch;
import static io.streamforge.registry.EnvVar.launchWhen;
import static io.streamforge.registry.EnvVar.optional;
import static io.streamforge.registry.EnvVar.required;
import static io.streamforge.registry.EnvVar.requiredWhen;

import io.streamforge.registry.ServiceDescriptor.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The service registry: one {@link ServiceDescriptor} per service, the single statement of the
 * environment each one reads. {@code app}'s {@code ServiceRegistryTest} checks each descriptor
 * against what the service's settings classes actually ask the {@code ConfigReader} for; {@code
 * deploy}'s {@code ServiceContractTest} checks every container the Helm chart renders against it.
 */
public final class ServiceRegistry {
    /**
     * Process-level variables any container may carry without the service reading them: {@code
     * HOME} and {@code JAVA_TOOL_OPTIONS} are read by the OS and the JVM, {@code SERVICE_NAME}
     * labels the container for people (the queue-manager's built-in Job sets it too).
     */
    public static final List<String> PLATFORM =
            List.of("HOME", "JAVA_TOOL_OPTIONS", "SERVICE_NAME");

    private static final String SASL = "KAFKA_SECURITY_PROTOCOL=SASL_SSL";

    /** Health/metrics HTTP and log forwarding: every service. */
    private static final List<EnvVar> RUNTIME =
            List.of(
                    optional("HTTP_PORT", "8080"),
                    optional("HTTP_HOST", "0.0.0.0"),
                    optional("FLUENT_HOST", null),
                    optional("FLUENT_PORT", "24224"),
                    optional("FLUENT_QUEUE_SIZE", null),
                    optional("FLUENT_BATCH_SIZE", null),
                    optional("FLUENT_ACK", null),
                    optional("FLUENT_RETRY_MAX_MS", null),
                    optional("FLUENT_FLUSH_TIMEOUT_MS", null));

    private static final List<EnvVar> KAFKA =
            List.of(
                    required("KAFKA_BOOTSTRAP_SERVERS"),
                    optional("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"),
                    requiredWhen("KAFKA_SASL_USERNAME", SASL),
                    requiredWhen("KAFKA_SASL_PASSWORD_FILE", SASL),
                    optional("KAFKA_SSL_CA_FILE", null));

    /** WorkerConfig: the identity of one job, set by the queue-manager at launch. */
    private static final List<EnvVar> WORKER =
            List.of(
                    launch("QUEUE_ID"),
                    optional("SYMBOLS", null),
                    optional("SYMBOL", null),
                    optional("TELEMETRY_ID", "<service>__<queue id>"),
                    optional("TYPE", ""),
                    optional("ATTEMPT", "1")); // set per launch by the queue-manager

    /** DatabaseSettings (DB_KIND through the store factory). */
    private static final List<EnvVar> DATABASE =
            List.of(
                    optional("DB_KIND", "postgres"),
                    requiredWhen("POSTGRES_JDBC_URL", "DB_KIND=postgres"),
                    optional("POSTGRES_USER", "postgres"),
                    optional("POSTGRES_PASSWORD_FILE", null),
                    optional("POSTGRES_SSL_MODE", null),
                    optional("POSTGRES_SSL_ROOT_CERT_FILE", null),
                    requiredWhen("ARANGO_URL", "DB_KIND=arango"),
                    optional("ARANGO_DB", "streamforge"),
                    optional("ARANGO_USER", "root"),
                    optional("ARANGO_PASSWORD_FILE", null),
                    optional("ARANGO_BATCH_SIZE", "1000"));

    /** OidcSettings of the HTTP services (ADR 2601): no issuer = loopback-only, no auth. */
    private static final List<EnvVar> OIDC =
            List.of(
                    optional("OIDC_ISSUER_URL", null),
                    requiredWhen("OIDC_AUDIENCE", "OIDC_ISSUER_URL=*"),
                    optional("OIDC_CLIENT_ID", null));

    private static final List<EnvVar> S3 =
            List.of(
                    optional("S3_ENDPOINT", null),
                    optional("S3_REGION", "us-east-1"),
                    optional("S3_BUCKET", "streamforge"),
                    optional("MODEL_OUTPUT", null),
                    optional("S3_ACCESS_KEY_FILE", null),
                    optional("S3_SECRET_KEY_FILE", null));

    private static final List<EnvVar> BINANCE =
            List.of(
                    optional("BINANCE_BASE_URL", "https://api.binance.com"),
                    optional("BINANCE_WEIGHT_LIMIT", null),
                    optional("BINANCE_MAX_RETRIES", null),
                    optional("BINANCE_TIME_UNIT", null));

    /** The REST loaders: source selection, dump files, concurrency, topic. */
    private static final List<EnvVar> LOADER =
            List.of(
                    launch("TIME_RANGE"),
                    optional(
                            "LOAD_RANGES",
                            "<all of TIME_RANGE>"), // set on a resumed attempt (ADR 3401)
                    optional("KAFKA_TOPIC", "<queue id>"),
                    optional("TOPIC_PARTITIONS", "3"),
                    optional("SOURCE", "rest"),
                    optional("DUMP_BASE_URL", null),
                    optional("DUMP_DIR", null),
                    optional("LOADER_CONCURRENCY", null));

    private static final Map<String, Integer> HTTP = Map.of("http", 8080);

    private static final List<ServiceDescriptor> ALL =
            List.of(
                    service(
                            "queue-manager",
                            false,
                            RUNTIME,
                            KAFKA,
                            DATABASE,
                            OIDC,
                            List.of(
                                    required("POSTGRES_JDBC_URL"),
                                    required("POSTGRES_USER"),
                                    required("POSTGRES_PASSWORD_FILE"),
                                    optional("JOB_LAUNCHER", "kubernetes"),
                                    optional("BINANCE_BASE_URL", "https://api.binance.com"),
                                    optional("DATA_TOPIC_PARTITIONS", "3"),
                                    optional("RECONCILE_GRACE_MS", "30000"),
                                    optional("SYMBOLS_REFRESH_MS", "600000"),
                                    required("K8S_NAMESPACE"),
                                    optional("WORKER_TEMPLATE_DIR", null),
                                    optional("WORKER_SERVICE_ACCOUNT", null),
                                    optional("WORKER_BACKOFF_LIMIT", null),
                                    optional("WORKER_TTL_SECONDS_AFTER_FINISHED", null),
                                    optional("WORKER_STOP_GRACE_MS", null),
                                    optional("WORKER_IMAGE_*", null),
                                    optional("READY_STALE_MS", "5000"),
                                    optional("LOOP_STALL_MS", "30000"),
                                    optional("SSE_CLIENT_BUFFER", "1000"),
                                    optional("SSE_REPLAY_EVENTS", "10000"))),
                    // a Deployment in the cluster; locally a step may run it in-process
                    service(
                            "visualizer",
                            true,
                            RUNTIME,
                            DATABASE,
                            S3,
                            OIDC,
                            List.of(required("QUEUE_MANAGER_URL"), optional("MODEL_NAME", null))),
                    job(
                            "loader-api-candles",
                            StepParams.LOADER,
                            BINANCE,
                            LOADER,
                            List.of(optional("INTERVAL", "1m"))),
                    job("loader-api-trades", StepParams.LOADER, BINANCE, LOADER),
                    job(
                            "loader-ws",
                            StepParams.WS,
                            BINANCE,
                            List.of(
                                    optional("LOADER_MODE", "job"),
                                    optional("LIVE_TOPIC_PREFIX", "live"),
                                    optional("KAFKA_TOPIC", "<queue id>"),
                                    optional("TOPIC_PARTITIONS", "3"),
                                    optional("BINANCE_WS_URL", "wss://stream.binance.com:9443"),
                                    optional("BINANCE_RETRY_BACKOFF_MS", null),
                                    optional("STREAMS", null),
                                    optional("STREAMS_PER_CONNECTION", null),
                                    optional("STREAMS_PER_SUBSCRIBE", null),
                                    optional("CONNECTION_LIFETIME_MS", null),
                                    optional("ROTATION_STAGGER_MS", null),
                                    optional("GAP_SILENCE_MS", null),
                                    optional("DEPTH_SNAPSHOT_LIMIT", null),
                                    optional("DEPTH_TOPIC", null),
                                    optional("END_TIME", null),
                                    optional("RUN_FOR_MS", null),
                                    optional("WS_CONNECT_TIMEOUT_MS", null),
                                    optional("WS_IDLE_TIMEOUT_MS", null),
                                    optional("WS_RECONNECT_BACKOFF_MS", null),
                                    optional("WS_RECONNECT_MAX_BACKOFF_MS", null))),
                    job(
                            "arango-connector",
                            StepParams.CONNECTOR,
                            DATABASE,
                            List.of(
                                    optional("CONNECTOR_MODE", "queue"),
                                    launchWhen("EXPECTED_PRODUCERS", "CONNECTOR_MODE=queue"),
                                    requiredWhen("KAFKA_TOPICS", "CONNECTOR_MODE=live"),
                                    optional("KAFKA_TOPIC", "<queue id>"),
                                    // live: the stable group KEDA watches, set by the chart
                                    new EnvVar(
                                            "GROUP_ID",
                                            EnvVar.Need.REQUIRED_WHEN,
                                            "streamforge-connector-<queue id>",
                                            "CONNECTOR_MODE=live"),
                                    optional("TOPIC_PARTITIONS", "3"),
                                    optional("POLL_MS", "500"),
                                    optional("MAX_POLL_RECORDS", "5000"),
                                    optional("KAFKA_SESSION_TIMEOUT_MS", "45000"),
                                    optional("CONNECTOR_FAIL_AFTER_BATCHES", "0"))),
                    job(
                            "graph-builder",
                            StepParams.GRAPH,
                            DATABASE,
                            List.of(
                                    launch("TIME_RANGE"),
                                    optional("INTERVAL", "1m"),
                                    optional("COLLECTION_NAME", "<queue id>"),
                                    optional("GRAPH_COLLECTION", null),
                                    optional("RESAMPLE", null),
                                    optional("INDICATORS", "RSI:14,SMA:20,EMA:20,ATR:14"),
                                    optional("GRAPH_METHOD", "pearson"),
                                    optional("GRAPH_RULE", "mst"),
                                    optional("ALIGNMENT", null),
                                    optional("MIN_RETURNS", null))),
                    job(
                            "gnn-trainer",
                            StepParams.GNN,
                            DATABASE,
                            S3,
                            List.of(
                                    launch("TIME_RANGE"),
                                    optional("INTERVAL", "1m"),
                                    optional("COLLECTION_NAME", "<queue id>"),
                                    optional("GRAPH_COLLECTION", null),
                                    optional("RESAMPLE", null),
                                    optional("MODEL_NAME", null),
                                    optional("GNN_EPOCHS", "30"),
                                    optional("GNN_PATIENCE", "10"),
                                    optional("GNN_SEED", "42"),
                                    optional("GNN_HORIZON", "1"),
                                    optional("GRAPH_SOURCE", "store"))),
                    job(
                            "dummy-service",
                            StepParams.DUMMY,
                            List.of(
                                    optional("SIMULATE_RECORDS", "100"),
                                    optional("SIMULATE_MS_PER_RECORD", "10"),
                                    optional("SIMULATE_FAIL_AFTER", "-1"))));

    private ServiceRegistry() {}

    /** Every service. */
    public static List<ServiceDescriptor> all() {
        return ALL;
    }

    /** The descriptor of {@code name}. */
    public static ServiceDescriptor of(String name) {
        return find(name)
                .orElseThrow(() -> new NoSuchElementException("no service named '" + name + "'"));
    }

    /** The services a pipeline step may run (the queue-manager's targets). */
    public static List<ServiceDescriptor> targets() {
        return ALL.stream().filter(ServiceDescriptor::stepTarget).toList();
    }

    /** The descriptor of {@code name}, if there is such a service. */
    public static Optional<ServiceDescriptor> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    @SafeVarargs
    private static ServiceDescriptor job(
            String name, List<StepParam> params, List<EnvVar>... groups) {
        List<List<EnvVar>> all = new ArrayList<>(List.of(RUNTIME, KAFKA, WORKER));
        all.addAll(Arrays.asList(groups));
        return build(name, Kind.JOB, true, params, all);
    }

    /** A Deployment that takes no step params. */
    @SafeVarargs
    private static ServiceDescriptor service(
            String name, boolean stepTarget, List<EnvVar>... groups) {
        return build(name, Kind.DEPLOYMENT, stepTarget, List.of(), Arrays.asList(groups));
    }

    /** Later declarations of a name replace earlier ones (e.g. a service that needs a default). */
    private static ServiceDescriptor build(
            String name,
            Kind kind,
            boolean stepTarget,
            List<StepParam> params,
            List<List<EnvVar>> groups) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        groups.forEach(g -> g.forEach(v -> env.put(v.name(), v)));
        return new ServiceDescriptor(
                name, kind, new ArrayList<>(env.values()), HTTP, stepTarget, params);
    }
}
