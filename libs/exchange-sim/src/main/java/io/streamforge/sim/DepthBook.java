package io.streamforge.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * JSON of {@link OrderBook} snapshots ({@code /api/v3/depth}, partial-depth streams) and diff
 * events ({@code @depth}); the REST weight by limit.
 */
final class DepthBook {
    static final long STEP_US = OrderBook.STEP_US;

    private DepthBook() {}

    /** REQUEST_WEIGHT of {@code /api/v3/depth} by limit (1–100: 5 … 1001–5000: 250). */
    static int weight(int limit) {
        if (limit <= 100) {
            return 5;
        }
        if (limit <= 500) {
            return 25;
        }
        return limit <= 1_000 ? 50 : 250;
    }

    static long lastUpdateId(long nowUs) {
        return Math.floorDiv(nowUs, STEP_US);
    }

    /** {@code {"lastUpdateId":…,"bids":[…],"asks":[…]}} with the best {@code limit} levels. */
    static String json(OrderBook book, int limit) {
        return JsonOut.write(g -> snapshot(g, book, limit));
    }

    static void snapshot(JsonGenerator g, OrderBook book, int limit) throws IOException {
        SymbolSpec spec = book.spec();
        g.writeStartObject();
        g.writeNumberField("lastUpdateId", book.updateId);
        g.writeArrayFieldStart("bids");
        levels(g, spec, book.bids, limit);
        g.writeEndArray();
        g.writeArrayFieldStart("asks");
        levels(g, spec, book.asks, limit);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Writes {@code "b":[…],"a":[…]} of a diff. */
    static void changes(JsonGenerator g, SymbolSpec spec, OrderBook.Changes c) throws IOException {
        g.writeArrayFieldStart("b");
        levels(g, spec, c.bids, Integer.MAX_VALUE);
        g.writeEndArray();
        g.writeArrayFieldStart("a");
        levels(g, spec, c.asks, Integer.MAX_VALUE);
        g.writeEndArray();
    }

    private static void levels(JsonGenerator g, SymbolSpec spec, Map<Long, Long> side, int limit)
            throws IOException {
        int n = 0;
        for (Map.Entry<Long, Long> e : side.entrySet()) {
            if (n++ >= limit) {
                break;
            }
            g.writeStartArray();
            g.writeString(JsonOut.decimal(BigDecimal.valueOf(e.getKey(), spec.tickScale())));
            g.writeString(JsonOut.decimal(BigDecimal.valueOf(e.getValue(), spec.stepScale())));
            g.writeEndArray();
        }
    }
}
