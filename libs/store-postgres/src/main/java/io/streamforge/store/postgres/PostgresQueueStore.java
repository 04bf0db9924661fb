package io.streamforge.store.postgres;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.port.QueueStore;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link QueueStore} on PostgreSQL (tables {@code queues} and {@code queue_steps}). Status updates
 * are single conditional {@code UPDATE}s ({@code … WHERE status NOT IN (terminal states)}), so the
 * terminal-state rule holds under concurrent writers too.
 */
public final class PostgresQueueStore implements QueueStore {
    private static final String NOT_TERMINAL =
            " AND status NOT IN ('finished', 'failed', 'interrupted')";
    private static final String QUEUE_COLUMNS =
            "queue_id, short_id, symbols, type, time_range, kafka_topic, collection_name, status,"
                    + " created_at_us, updated_at_us, spec_json";
    private static final String STEP_COLUMNS =
            "queue_id, target, type, telemetry_id, job_name, depends_on, status, records_written,"
                    + " message, updated_at_us";

    private final Jdbc jdbc;

    public PostgresQueueStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(QueueRecord queue) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(queue.status(), "status");
        for (StepRecord s : queue.steps()) {
            if (!s.queueId().equals(queue.queueId())) {
                throw new IllegalArgumentException(
                        "step "
                                + s.telemetryId()
                                + " belongs to queue "
                                + s.queueId()
                                + ", not to "
                                + queue.queueId());
            }
        }
        try {
            jdbc.inTransaction("create of queue " + queue.queueId(), c -> insert(c, queue));
        } catch (PermanentException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new PermanentException("queue " + queue.queueId() + " already exists", sql);
            }
            throw e;
        }
    }

    private static Void insert(Connection c, QueueRecord q) throws SQLException {
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
        if (q.steps().isEmpty()) {
            return null;
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO queue_steps (position, "
                                + STEP_COLUMNS
                                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            int position = 0;
            for (StepRecord s : q.steps()) {
                ps.setInt(1, position++);
                ps.setString(2, s.queueId());
                ps.setString(3, s.target());
                ps.setString(4, s.type());
                ps.setString(5, s.telemetryId());
                ps.setString(6, s.jobName());
                ps.setArray(7, c.createArrayOf("text", s.dependsOn().toArray()));
                ps.setString(8, Objects.requireNonNull(s.status(), "step status").wire());
                ps.setLong(9, s.recordsWritten());
                ps.setString(10, s.message());
                ps.setLong(11, s.updatedAtUs());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return null;
    }

    @Override
    public Optional<QueueRecord> find(String queueId) {
        Objects.requireNonNull(queueId, "queueId");
        List<QueueRecord> found =
                jdbc.read("find of queue " + queueId, c -> load(c, " WHERE queue_id = ?", queueId));
        return found.stream().findFirst();
    }

    @Override
    public List<QueueRecord> list() {
        return jdbc.read("list of queues", c -> load(c, "", null));
    }

    /** Queues matching {@code where} (newest first) with their steps in creation order. */
    private static List<QueueRecord> load(Connection c, String where, String queueId)
            throws SQLException {
        Map<String, List<StepRecord>> steps = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT "
                                + STEP_COLUMNS
                                + " FROM queue_steps"
                                + where
                                + " ORDER BY queue_id, position")) {
            if (queueId != null) {
                ps.setString(1, queueId);
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
            if (queueId != null) {
                ps.setString(1, queueId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    out.add(
                            new QueueRecord(
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
                                    steps.getOrDefault(id, List.of())));
                }
            }
        }
        return out;
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
                rs.getLong(10));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    @Override
    public boolean updateStep(
            String queueId,
            String telemetryId,
            StepStatus status,
            long recordsWritten,
            String message,
            long atUs) {
        Objects.requireNonNull(status, "status");
        return jdbc.read(
                "update of step " + queueId + "/" + telemetryId,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE queue_steps SET status = ?, records_written = ?,"
                                            + " message = ?, updated_at_us = ?"
                                            + " WHERE queue_id = ? AND telemetry_id = ?"
                                            + NOT_TERMINAL)) {
                        ps.setString(1, status.wire());
                        ps.setLong(2, recordsWritten);
                        ps.setString(3, message == null ? "" : message);
                        ps.setLong(4, atUs);
                        ps.setString(5, queueId);
                        ps.setString(6, telemetryId);
                        return ps.executeUpdate() > 0;
                    }
                });
    }

    @Override
    public boolean updateQueue(String queueId, QueueStatus status, long atUs) {
        Objects.requireNonNull(status, "status");
        return jdbc.read(
                "update of queue " + queueId,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE queues SET status = ?, updated_at_us = ?"
                                            + " WHERE queue_id = ?"
                                            + NOT_TERMINAL)) {
                        ps.setString(1, status.wire());
                        ps.setLong(2, atUs);
                        ps.setString(3, queueId);
                        return ps.executeUpdate() > 0;
                    }
                });
    }
}
