package io.streamforge.visualizer;

import io.javalin.http.Context;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.port.GraphStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/graphs} (collection names) and {@code /api/graphs/{collection}} (one graph). */
final class GraphRoutes {
    private final GraphStore graphs;

    GraphRoutes(GraphStore graphs) {
        this.graphs = graphs;
    }

    void list(Context ctx) {
        Responses.json(ctx, Map.of("collections", graphs.collections()));
    }

    void get(Context ctx) {
        String collection = ctx.pathParam("collection");
        try {
            GraphRecord.checkCollection(collection);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("collection", e.getMessage());
        }
        GraphRecord g =
                graphs.load(collection)
                        .orElseThrow(
                                () -> ApiProblem.notFound("collection", "no graph " + collection));
        Responses.json(ctx, view(g));
    }

    static Map<String, Object> view(GraphRecord g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("collection", g.collection());
        m.put("method", g.method());
        m.put("rule", g.rule());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("interval", g.window().interval().code());
        window.put("from_open_time_us", g.window().fromOpenTimeUs());
        window.put("to_open_time_us", g.window().toOpenTimeUs());
        window.put("return_count", g.window().returnCount());
        m.put("window", window);
        m.put("created_at_us", g.createdAtUs());
        m.put("nodes", g.nodes().stream().map(s -> Map.of("id", s.value())).toList());
        m.put("edges", g.edges().stream().map(GraphRoutes::edge).toList());
        return m;
    }

    private static Map<String, Object> edge(GraphEdge e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", e.a().value());
        m.put("target", e.b().value());
        m.put("rho", e.rho());
        m.put("distance", e.distance());
        m.put("weight", Math.abs(e.rho()));
        return m;
    }
}
