package io.streamforge.queuemanager;

import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The services a pipeline step can run — the service registry's {@linkplain
 * ServiceRegistry#targets() step targets} — and their roles in the default DAG.
 */
public final class Targets {
    public static final String CANDLES = "loader-api-candles";
    public static final String TRADES = "loader-api-trades";
    public static final String WS = "loader-ws";
    public static final String CONNECTOR = "arango-connector";
    public static final String GRAPH = "graph-builder";
    public static final String GNN = "gnn-trainer";
    public static final String VISUALIZER = "visualizer";
    public static final String DUMMY = "dummy-service";

    public static final Set<String> ALL =
            ServiceRegistry.targets().stream()
                    .map(ServiceDescriptor::name)
                    .collect(Collectors.toUnmodifiableSet());
    public static final Set<String> LOADERS = Set.of(CANDLES, TRADES, WS);

    private Targets() {}

    public static boolean isLoader(String target) {
        return LOADERS.contains(target);
    }

    /**
     * Default dependencies: graph-builder after the connectors, gnn-trainer after graph-builder.
     */
    public static List<String> defaultDependsOn(String target, Set<String> present) {
        if (target.equals(GRAPH) && present.contains(CONNECTOR)) {
            return List.of(CONNECTOR);
        }
        if (target.equals(GNN) && present.contains(GRAPH)) {
            return List.of(GRAPH);
        }
        return List.of();
    }
}
