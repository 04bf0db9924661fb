package io.streamforge.graph;

import io.streamforge.domain.Symbol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Edge list CSV: header {@code source,target,rho,distance}, one row per edge in graph order. */
public final class EdgesCsv {
    public static final String HEADER = "source,target,rho,distance";

    private EdgesCsv() {}

    public static void write(CorrelationGraph g, Path file) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Edge e : g.edges()) {
            sb.append(e.a()).append(',').append(e.b()).append(',');
            sb.append(e.rho()).append(',').append(e.distance()).append('\n');
        }
        Csv.writeString(file, sb);
    }

    /** Reads edges written by {@link #write}. */
    public static List<Edge> read(Path file) {
        List<String> lines = Csv.readLines(file);
        if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase(HEADER)) {
            throw new IllegalArgumentException(file + ": expected header '" + HEADER + "'");
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            String where = file + " line " + (i + 1);
            if (f.length != 4) {
                throw new IllegalArgumentException(where + ": expected 4 fields, got " + f.length);
            }
            edges.add(
                    new Edge(
                            Symbol.of(f[0]),
                            Symbol.of(f[1]),
                            Csv.parseDouble(f[2], where),
                            Csv.parseDouble(f[3], where)));
        }
        return edges;
    }
}
