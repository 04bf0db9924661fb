package io.streamforge.queuemanager.coverage;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.KeyCoverage;
import io.streamforge.domain.coverage.Ranges;
import io.streamforge.domain.coverage.SourcedRange;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.kafka.Json;
import io.streamforge.queuemanager.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /queues/{id}/coverage} (ADR 1701): what the queue's loaders recorded in the coverage
 * ledger, per key: covered µs, ranges credited to a source (dump &gt; rest &gt; ws), gaps with
 * status and reason, counts per status. 404 problem naming {@code queue_id} for an unknown queue.
 */
public final class CoverageRoute implements Handler {
    private final CoverageLedger ledger;
    private final QueueStore store;

    public CoverageRoute(CoverageLedger ledger, QueueStore store) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void handle(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        if (store.find(id).isEmpty()) {
            throw new ProblemException(404, "queue_id", "no queue " + id);
        }
        ctx.status(200)
                .contentType("application/json")
                .result(Json.MAPPER.writeValueAsBytes(view(id, ledger.reportOfQueue(id))));
    }

    /** The JSON body (snake_case, times in µs). */
    public static Map<String, Object> view(String queueId, List<KeyCoverage> views) {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (KeyCoverage v : views) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("symbol", v.key().symbol().value());
            k.put("stream", v.key().stream().wire());
            k.put("interval", v.key().intervalCode());
            k.put("covered_us", Ranges.totalUs(v.covered()));
            List<Map<String, Object>> credited = new ArrayList<>();
            for (SourcedRange s : v.credited()) {
                Map<String, Object> c = range(s.range().startUs(), s.range().endUs());
                c.put("source", s.source().wire());
                credited.add(c);
            }
            k.put("credited", credited);
            List<Map<String, Object>> gaps = new ArrayList<>();
            for (Gap g : v.gaps()) {
                Map<String, Object> m = range(g.range().startUs(), g.range().endUs());
                m.put("status", g.status().wire());
                m.put("reason", g.reason());
                if (g.ids() != null) {
                    m.put("first_id", g.ids().firstId());
                    m.put("last_id", g.ids().lastId());
                }
                gaps.add(m);
            }
            k.put("gaps", gaps);
            Map<String, Object> counts = new LinkedHashMap<>();
            for (GapStatus s : GapStatus.values()) {
                counts.put(s.wire(), v.gaps(s).size());
            }
            k.put("gap_counts", counts);
            keys.add(k);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queue_id", queueId);
        out.put("keys", keys);
        return out;
    }

    private static Map<String, Object> range(long startUs, long endUs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start_us", startUs);
        m.put("end_us", endUs);
        return m;
    }
}
