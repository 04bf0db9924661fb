package io.streamforge.queuemanager;

import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.StepRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON views of queues: snake_case, lower-case statuses. */
final class QueueViews {
    private QueueViews() {}

    static Map<String, Object> queue(QueueRecord q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queue_id", q.queueId());
        m.put("short_id", q.shortId());
        m.put("symbols", q.symbols());
        m.put("type", q.type());
        m.put("time_range", q.timeRange());
        m.put("kafka_topic", q.kafkaTopic());
        m.put("collection_name", q.collectionName());
        m.put("status", q.status().wire());
        m.put("created_at_us", q.createdAtUs());
        m.put("updated_at_us", q.updatedAtUs());
        m.put("records_written", q.steps().stream().mapToLong(StepRecord::recordsWritten).sum());
        m.put("steps", q.steps().stream().map(QueueViews::step).toList());
        return m;
    }

    static Map<String, Object> step(StepRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", s.target());
        m.put("type", s.type());
        m.put("telemetry_id", s.telemetryId());
        m.put("job_name", s.jobName());
        m.put("depends_on", s.dependsOn());
        m.put("status", s.status().wire());
        m.put("attempt", s.attempt()); // 0 never launched, 1 first run, one more per resume
        m.put("records_written", s.recordsWritten());
        m.put("message", s.message());
        m.put("updated_at_us", s.updatedAtUs());
        return m;
    }

    static Map<String, Object> created(QueueRecord q) {
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("queue_id", q.queueId());
        ids.put("short_id", q.shortId());
        ids.put("kafka_topic", q.kafkaTopic());
        ids.put("collection_name", q.collectionName());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("queue_id", q.queueId());
        m.put("ids", ids);
        return m;
    }

    static Map<String, Object> problem(
            int status, String title, String detail, String field, String instance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "about:blank");
        m.put("title", title);
        m.put("status", status);
        m.put("detail", detail);
        if (field != null) {
            m.put("field", field);
            m.put("invalid_params", List.of(Map.of("name", field, "reason", detail)));
        }
        m.put("instance", instance);
        return m;
    }
}
