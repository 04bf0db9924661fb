package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Default-deny NetworkPolicies: every workload of the homelab rendering (Deployments and worker Job
 * templates) may reach exactly what its own rendered environment points at — Kafka, the database,
 * S3, Fluent-bit, Binance, the queue-manager, the OIDC issuer (API and UI) — plus DNS, and the
 * Kubernetes API (queue-manager). Each destination is derived from the env values (host →
 * namespace, port), and each allowed port must be explained by one of them.
 */
class NetworkPolicyTest {
    private static final String HOMELAB = "values-homelab.yaml";

    /** The homelab's gateway (Traefik) and its websecure container port (after the DNAT). */
    private static final String GATEWAY_NS = "traefik";

    private static final int GATEWAY_CONTAINER_PORT = 8443;

    /** A destination a workload may reach: "ns:<namespace>", "pod:<name>" or "cidr:<cidr>". */
    record Dest(String peer, int port) {}

    @Test
    void everyStreamforgePodIsDeniedByDefault() {
        List<NetworkPolicy> policies = policies();
        NetworkPolicy deny =
                policies.stream()
                        .filter(p -> p.getMetadata().getName().equals("sf-default-deny"))
                        .findFirst()
                        .orElseThrow();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        assertThat(deny.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/part-of", "streamforge");
        for (Map.Entry<String, PodTemplateSpec> w : workloads().entrySet()) {
            assertThat(w.getValue().getMetadata().getLabels())
                    .as(w.getKey() + " is selected by the default deny")
                    .containsAllEntriesOf(deny.getSpec().getPodSelector().getMatchLabels());
        }
    }

    @Test
    void eachWorkloadReachesExactlyWhatItsEnvironmentNames() {
        List<NetworkPolicy> policies = policies();
        for (Map.Entry<String, PodTemplateSpec> w : workloads().entrySet()) {
            String name = w.getKey();
            Map<String, String> labels = w.getValue().getMetadata().getLabels();
            Set<Dest> allowed = allowed(policies, labels);
            Map<String, String> env = env(w.getValue());
            Set<Dest> needed = needed(name, env);
            assertThat(allowed).as(name + " may reach what it needs").containsAll(needed);
            Set<Integer> explained =
                    needed.stream().map(Dest::port).collect(Collectors.toCollection(TreeSet::new));
            explained.add(53);
            if (name.equals("queue-manager")) {
                explained.addAll(List.of(443, 6443)); // in-cluster Kubernetes API
            }
            if (env.containsKey("OIDC_ISSUER_URL")) {
                explained.add(GATEWAY_CONTAINER_PORT);
            }
            assertThat(allowed.stream().map(Dest::port).collect(Collectors.toSet()))
                    .as(name + " may reach nothing it does not need")
                    .isSubsetOf(explained);
        }
    }

    @Test
    void onlyTheUiAndTheMonitoringMayCallTheQueueManager() {
        NetworkPolicy qm =
                policies().stream()
                        .filter(p -> p.getMetadata().getName().equals("sf-queue-manager"))
                        .findFirst()
                        .orElseThrow();
        var rule = qm.getSpec().getIngress().get(0);
        assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(8080);
        assertThat(rule.getFrom())
                .extracting(NetworkPolicyTest::peer)
                .containsExactlyInAnyOrder(
                        "ns:monitoring", "ns:traefik", "ns:ingress-nginx", "pod:visualizer");
        NetworkPolicy loader =
                policies().stream()
                        .filter(p -> p.getMetadata().getName().equals("sf-loader-api-candles"))
                        .findFirst()
                        .orElseThrow();
        assertThat(loader.getSpec().getIngress().get(0).getFrom())
                .extracting(NetworkPolicyTest::peer)
                .containsExactly("ns:monitoring");
    }

    /** Destinations named by the rendered env of a workload. */
    static Set<Dest> needed(String name, Map<String, String> env) {
        Set<Dest> out = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        out.add(new Dest("ns:kube-system", 53));
        if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
            for (String hp : env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
                out.add(inCluster(hp.substring(0, hp.lastIndexOf(':')), port(hp)));
            }
        }
        if (env.containsKey("POSTGRES_JDBC_URL")) {
            URI u = URI.create(env.get("POSTGRES_JDBC_URL").substring("jdbc:".length()));
            out.add(inCluster(u.getHost(), u.getPort()));
        }
        for (String var : List.of("ARANGO_URL", "QUEUE_MANAGER_URL")) {
            if (env.containsKey(var)) {
                URI u = URI.create(env.get(var));
                out.add(
                        var.equals("QUEUE_MANAGER_URL")
                                ? new Dest("pod:queue-manager", u.getPort())
                                : inCluster(u.getHost(), u.getPort()));
            }
        }
        if (env.containsKey("S3_ENDPOINT")) {
            out.add(new Dest("cidr:0.0.0.0/0", httpPort(URI.create(env.get("S3_ENDPOINT")))));
        }
        if (env.containsKey("BINANCE_BASE_URL") || name.equals("queue-manager")) {
            out.add(new Dest("cidr:0.0.0.0/0", 443)); // Binance over HTTPS (public addresses)
        }
        if (env.containsKey("OIDC_ISSUER_URL")) {
            out.add(issuer(URI.create(env.get("OIDC_ISSUER_URL"))));
        }
        if (env.containsKey("FLUENT_HOST")) {
            out.add(inCluster(env.get("FLUENT_HOST"), Integer.parseInt(env.get("FLUENT_PORT"))));
        }
        return out;
    }

    /**
     * Keycloak's JWKS/discovery at the issuer: an in-cluster host ({@code name.namespace[.svc…]})
     * is its namespace; any other name resolves to the gateway, so the pods reach the gateway's
     * namespace (Traefik) on the issuer's port.
     */
    static Dest issuer(URI u) {
        String host = u.getHost();
        boolean inCluster =
                host.endsWith(".svc")
                        || host.endsWith(".svc.cluster.local")
                        || host.split("\\.").length == 2;
        return inCluster ? inCluster(host, httpPort(u)) : new Dest("ns:" + GATEWAY_NS, httpPort(u));
    }

    private static Dest inCluster(String host, int port) {
        String[] labels = host.split("\\.");
        assertThat(labels.length)
                .as("in-cluster host " + host + " names its namespace")
                .isGreaterThan(1);
        return new Dest("ns:" + labels[1], port);
    }

    private static int port(String hostPort) {
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }

    private static int httpPort(URI u) {
        return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    /** Union of the egress of every policy selecting these pod labels. */
    static Set<Dest> allowed(List<NetworkPolicy> policies, Map<String, String> labels) {
        Set<Dest> out = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        for (NetworkPolicy p : policies) {
            Map<String, String> sel = p.getSpec().getPodSelector().getMatchLabels();
            if (sel == null || !labels.entrySet().containsAll(sel.entrySet())) {
                continue;
            }
            for (NetworkPolicyEgressRule r :
                    p.getSpec().getEgress() == null
                            ? List.<NetworkPolicyEgressRule>of()
                            : p.getSpec().getEgress()) {
                for (NetworkPolicyPeer to : r.getTo()) {
                    for (NetworkPolicyPort port : r.getPorts()) {
                        out.add(new Dest(peer(to), port.getPort().getIntVal()));
                    }
                }
            }
        }
        return out;
    }

    static String peer(NetworkPolicyPeer p) {
        if (p.getIpBlock() != null) {
            return "cidr:" + p.getIpBlock().getCidr();
        }
        if (p.getNamespaceSelector() != null) {
            return "ns:"
                    + p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
        }
        return "pod:" + p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
    }

    private static List<NetworkPolicy> policies() {
        return Chart.ofType(Chart.objects(HOMELAB), NetworkPolicy.class);
    }

    /** service name -> pod template, for Deployments (not connectors) and worker Job templates. */
    private static Map<String, PodTemplateSpec> workloads() {
        List<HasMetadata> objects = Chart.objects(HOMELAB);
        Map<String, PodTemplateSpec> out = new LinkedHashMap<>();
        for (Deployment d : Chart.ofType(objects, Deployment.class)) {
            PodTemplateSpec t = d.getSpec().getTemplate();
            out.putIfAbsent(t.getMetadata().getLabels().get("app.kubernetes.io/name"), t);
        }
        Workloads.jobTemplates(objects)
                .forEach((name, job) -> out.put(name, job.getSpec().getTemplate()));
        return out;
    }

    private static Map<String, String> env(PodTemplateSpec t) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar e : t.getSpec().getContainers().get(0).getEnv()) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }
}
