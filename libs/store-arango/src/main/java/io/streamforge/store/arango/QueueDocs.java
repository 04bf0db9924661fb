package io.streamforge.store.arango;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents of {@code queues} and {@code queue_steps}: the record fields in snake case (µs
 * integers, {@code symbols}/{@code depends_on} arrays, {@code env} an object, {@code position} the
 * step's place in its queue) and {@code _key} = the first 40 hex digits of SHA-256 over the queue
 * id (queues) or queue id and telemetry id (steps), so any id fits ArangoDB's key alphabet and
 * 254-byte limit. Optional fields that are null are stored as null and read back as null.
 */
final class QueueDocs {
    /** Queues newest first, ties by id descending (as the PostgreSQL adapter orders them). */
    static final Comparator<QueueRecord> NEWEST_FIRST =
            Comparator.comparingLong(QueueRecord::createdAtUs)
                    .thenComparing(QueueRecord::queueId)
                    .reversed();

    private QueueDocs() {}

    static String queueKey(String queueId) {
        return CoverageDocs.hash(queueId);
    }

    static String stepKey(String queueId, String telemetryId) {
        return CoverageDocs.hash(queueId, telemetryId);
    }

    static Map<String, Object> queue(QueueRecord q) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_key", queueKey(q.queueId()));
        d.put("queue_id", q.queueId());
        d.put("short_id", q.shortId());
        d.put("symbols", q.symbols());
        d.put("type", q.type());
        d.put("time_range", q.timeRange());
        d.put("kafka_topic", q.kafkaTopic());
        d.put("collection_name", q.collectionName());
        d.put("status", q.status().wire());
        d.put("created_at_us", q.createdAtUs());
        d.put("updated_at_us", q.updatedAtUs());
        d.put("spec_json", q.specJson());
        return d;
    }

    static Map<String, Object> step(StepRecord s, int position) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_key", stepKey(s.queueId(), s.telemetryId()));
        d.put("queue_id", s.queueId());
        d.put("position", position);
        d.put("target", s.target());
        d.put("type", s.type());
        d.put("telemetry_id", s.telemetryId());
        d.put("job_name", s.jobName());
        d.put("depends_on", s.dependsOn());
        d.put("status", s.status().wire());
        d.put("records_written", s.recordsWritten());
        d.put("message", s.message());
        d.put("updated_at_us", s.updatedAtUs());
        d.put("attempt", s.attempt());
        d.put("launch_state", s.launch().wire());
        d.put("last_event_us", s.lastEventUs());
        d.put("image", s.image());
        d.put("env", s.env());
        return d;
    }

    /** Queue records of {@code queues} with their {@code steps} (any order), newest first. */
    static List<QueueRecord> records(
            List<Map<String, Object>> queues, List<Map<String, Object>> steps) {
        List<Map<String, Object>> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparingLong(d -> MarketDocs.number(d, "position")));
        Map<String, List<StepRecord>> byQueue = new HashMap<>();
        for (Map<String, Object> d : ordered) {
            StepRecord s = toStep(d);
            byQueue.computeIfAbsent(s.queueId(), k -> new ArrayList<>()).add(s);
        }
        List<QueueRecord> out = new ArrayList<>();
        for (Map<String, Object> d : queues) {
            out.add(toQueue(d, byQueue));
        }
        out.sort(NEWEST_FIRST);
        return out;
    }

    private static QueueRecord toQueue(Map<String, Object> d, Map<String, List<StepRecord>> steps) {
        try {
            String id = MarketDocs.text(d, "queue_id");
            return new QueueRecord(
                    id,
                    optional(d, "short_id"),
                    strings(d, "symbols"),
                    optional(d, "type"),
                    optional(d, "time_range"),
                    optional(d, "kafka_topic"),
                    optional(d, "collection_name"),
                    QueueStatus.of(MarketDocs.text(d, "status")),
                    MarketDocs.number(d, "created_at_us"),
                    MarketDocs.number(d, "updated_at_us"),
                    optional(d, "spec_json"),
                    steps.getOrDefault(id, List.of()));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw corrupt(d, e);
        }
    }

    private static StepRecord toStep(Map<String, Object> d) {
        try {
            return new StepRecord(
                    MarketDocs.text(d, "queue_id"),
                    MarketDocs.text(d, "target"),
                    optional(d, "type"),
                    MarketDocs.text(d, "telemetry_id"),
                    optional(d, "job_name"),
                    strings(d, "depends_on"),
                    StepStatus.of(MarketDocs.text(d, "status")),
                    MarketDocs.number(d, "records_written"),
                    optional(d, "message"),
                    MarketDocs.number(d, "updated_at_us"),
                    (int) MarketDocs.number(d, "attempt"),
                    LaunchState.of(MarketDocs.text(d, "launch_state")),
                    MarketDocs.number(d, "last_event_us"),
                    optional(d, "image"),
                    env(d));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw corrupt(d, e);
        }
    }

    private static String optional(Map<String, Object> d, String field) {
        return d.get(field) == null ? null : MarketDocs.text(d, field);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> d, String field) {
        Object v = d.get(field);
        return v == null ? List.of() : List.copyOf((List<String>) v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(Map<String, Object> d) {
        Object v = d.get("env");
        return v == null ? Map.of() : Map.copyOf((Map<String, String>) v);
    }

    private static PermanentException corrupt(Map<String, Object> d, RuntimeException e) {
        return new PermanentException("document " + d.get("_key") + ": " + e.getMessage(), e);
    }
}
