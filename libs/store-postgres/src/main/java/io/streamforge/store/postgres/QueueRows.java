package io.streamforge.store.postgres;

import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of {@code queues} and {@code queue_steps} to and from records. */
final class QueueRows {
    static final String QUEUE_COLUMNS =
            "queue_id, short_id, symbols, type, time_range, kafka_topic, collection_name, status,"
                    + " created_at_us, updated_at_us, spec_json";
    static final String STEP_COLUMNS =
            "queue_id, target, type, telemetry_id, job_name, depends_on, status, records_written,"
                    + " message, updated_at_us, attempt, launch_state, last_event_us, image, env";

    private QueueRows() {}

    static void insertQueue(Connection c, QueueRecord q) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO queues ("
                                + QUEUE_COLUMNS
                                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, q.queueId());
            ps.setString(2, q.shortId());
            ps.setArray(3, c.createArrayOf("text", q.symbols().toArray()));
            ps.setString(4, q.type());
            ps.setString(5, q.timeRange());
            ps.setString(6, q.kafkaTopic());
            ps.setString(7, q.collectionName());
            ps.setString(8, q.status().wire());
            ps.setLong(9, q.createdAtUs());
            ps.setLong(10, q.updatedAtUs());
            ps.setString(11, q.specJson());
            ps.executeUpdate();
        }
    }

    static void insertSteps(Connection c, List<StepRecord> steps) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO queue_steps (position, "
                                + STEP_COLUMNS
                                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int position = 0;
            for (StepRecord s : steps) {
                ps.setInt(1, position++);
                ps.setString(2, s.queueId());
                ps.setString(3, s.target());
                ps.setString(4, s.type());
                ps.setString(5, s.telemetryId());
                ps.setString(6, s.jobName());
                ps.setArray(7, c.createArrayOf("text", s.dependsOn().toArray()));
                ps.setString(8, s.status().wire());
                ps.setLong(9, s.recordsWritten());
                ps.setString(10, s.message());
                ps.setLong(11, s.updatedAtUs());
                ps.setInt(12, s.attempt());
                ps.setString(13, s.launch().wire());
                ps.setLong(14, s.lastEventUs());
                ps.setString(15, s.image());
                ps.setArray(16, c.createArrayOf("text", envArray(s.env())));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Queues matching {@code where} (newest first) with their steps in creation order; {@code
     * stepWhere} selects the steps of the same queues; {@code param} (a queue id or an id array) is
     * bound to both when not null.
     */
    static List<QueueRecord> load(Connection c, String where, String stepWhere, Object param)
            throws SQLException {
        Map<String, List<StepRecord>> steps = new HashMap<>();
        String sql =
                "SELECT "
                        + STEP_COLUMNS
                        + " FROM queue_steps"
                        + stepWhere
                        + " ORDER BY queue_id, position";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setObject(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StepRecord s = step(rs);
                    steps.computeIfAbsent(s.queueId(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        List<QueueRecord> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT "
                                + QUEUE_COLUMNS
                                + " FROM queues"
                                + where
                                + " ORDER BY created_at_us DESC, queue_id DESC")) {
            if (param != null) {
                ps.setObject(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(queue(rs, steps));
                }
            }
        }
        return out;
    }

    /**
     * The queues with work left (queue or a step {@code pending|running}): their ids first (two
     * partial-index scans), then rows by primary key — independent of the finished history.
     */
    static List<QueueRecord> loadUnfinished(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT queue_id FROM queues WHERE status IN ('pending', 'running')"
                                        + " UNION SELECT queue_id FROM queue_steps"
                                        + " WHERE status IN ('pending', 'running')");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        String byId = " WHERE queue_id = ANY (?)";
        return load(c, byId, byId, c.createArrayOf("text", ids.toArray()));
    }

    private static QueueRecord queue(ResultSet rs, Map<String, List<StepRecord>> steps)
            throws SQLException {
        String id = rs.getString(1);
        return new QueueRecord(
                id,
                rs.getString(2),
                strings(rs.getArray(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                QueueStatus.of(rs.getString(8)),
                rs.getLong(9),
                rs.getLong(10),
                rs.getString(11),
                steps.getOrDefault(id, List.of()));
    }

    private static StepRecord step(ResultSet rs) throws SQLException {
        return new StepRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                strings(rs.getArray(6)),
                StepStatus.of(rs.getString(7)),
                rs.getLong(8),
                rs.getString(9),
                rs.getLong(10),
                rs.getInt(11),
                LaunchState.of(rs.getString(12)),
                rs.getLong(13),
                rs.getString(14),
                env(strings(rs.getArray(15))));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** {@code KEY=VALUE} per variable (names never contain '='). */
    private static Object[] envArray(Map<String, String> env) {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray();
    }

    private static Map<String, String> env(List<String> pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            env.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return env;
    }
}
