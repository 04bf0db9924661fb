package io.streamforge.store.arango;

import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Graph records as documents of {@code graphs}, {@code assets} and {@code correlations}. */
final class GraphDocs {
    private static final String VERTEX_PREFIX = ArangoSchema.ASSETS + "/";

    private GraphDocs() {}

    /** The header: metadata and the node list (assets are shared between graphs). */
    static Map<String, Object> header(GraphRecord g) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_key", g.collection());
        d.put("method", g.method());
        d.put("rule", g.rule());
        window(d, g.window());
        d.put("nodes", g.nodes().stream().map(Symbol::value).toList());
        d.put("created_at_us", g.createdAtUs());
        return d;
    }

    static Map<String, Object> asset(Symbol s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_key", s.value());
        d.put("symbol", s.value());
        return d;
    }

    static Map<String, Object> edge(GraphRecord g, GraphEdge e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_key", e.key(g.collection()));
        d.put("_from", VERTEX_PREFIX + e.a().value());
        d.put("_to", VERTEX_PREFIX + e.b().value());
        d.put("collection", g.collection());
        d.put("rho", e.rho());
        d.put("distance", e.distance());
        d.put("method", g.method());
        window(d, g.window());
        return d;
    }

    private static void window(Map<String, Object> d, GraphWindow w) {
        d.put("interval", w.interval().code());
        d.put("window_from_us", w.fromOpenTimeUs());
        d.put("window_to_us", w.toOpenTimeUs());
        d.put("return_count", w.returnCount());
    }

    static GraphRecord record(Map<String, Object> header, List<Map<String, Object>> edgeDocs) {
        String collection = MarketDocs.text(header, "_key");
        List<Symbol> nodes = new ArrayList<>();
        Object raw = header.get("nodes");
        if (!(raw instanceof List)) {
            throw new PermanentException("graph " + collection + ": header without nodes list");
        }
        for (Object n : (List<?>) raw) {
            nodes.add(new Symbol(String.valueOf(n)));
        }
        List<GraphEdge> edges = new ArrayList<>(edgeDocs.size());
        for (Map<String, Object> e : edgeDocs) {
            edges.add(
                    new GraphEdge(
                            vertex(e, "_from"),
                            vertex(e, "_to"),
                            MarketDocs.real(e, "rho"),
                            MarketDocs.real(e, "distance")));
        }
        GraphWindow window =
                new GraphWindow(
                        Interval.of(MarketDocs.text(header, "interval")),
                        MarketDocs.number(header, "window_from_us"),
                        MarketDocs.number(header, "window_to_us"),
                        (int) MarketDocs.number(header, "return_count"));
        return new GraphRecord(
                collection,
                nodes,
                edges,
                MarketDocs.text(header, "method"),
                MarketDocs.text(header, "rule"),
                window,
                MarketDocs.number(header, "created_at_us"));
    }

    private static Symbol vertex(Map<String, Object> edge, String field) {
        String id = MarketDocs.text(edge, field);
        if (!id.startsWith(VERTEX_PREFIX)) {
            throw new PermanentException(
                    "edge " + edge.get("_key") + ": " + field + " '" + id + "' is not an asset");
        }
        return new Symbol(id.substring(VERTEX_PREFIX.length()));
    }
}
