package io.streamforge.store.postgres;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link QueueStore} on PostgreSQL (tables {@code queues} and {@code queue_steps}). Status and
 * launch updates are single conditional {@code UPDATE}s ({@code … WHERE status NOT IN (terminal
 * states)}, {@code … AND attempt < ?}), so the terminal-state rule and the one-claim-per-attempt
 * rule hold under concurrent writers too.
 */
public final class PostgresQueueStore implements QueueStore {
    private static final String NOT_TERMINAL =
            " AND status NOT IN ('finished', 'failed', 'interrupted')";

    private static final String STEP_KEY = " WHERE queue_id = ? AND telemetry_id = ?";

    private static final String REOPEN_QUEUE =
            "UPDATE queues SET status = 'running', updated_at_us = ? WHERE queue_id = ?"
                    + " AND status IN ('interrupted', 'failed') AND NOT EXISTS (SELECT 1 FROM"
                    + " queue_steps WHERE queue_id = ? AND status IN ('pending', 'running'))";
    private static final String REOPEN_STEPS =
            "UPDATE queue_steps SET status = 'pending', launch_state = 'none', message = '',"
                    + " records_written = 0, updated_at_us = ? WHERE queue_id = ?"
                    + " AND status <> 'finished'";

    private final Jdbc jdbc;

    public PostgresQueueStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(QueueRecord queue) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(queue.status(), "status");
        queue.requireValidSteps();
        try {
            jdbc.inTransaction(
                    "create of queue " + queue.queueId(),
                    c -> {
                        QueueRows.insertQueue(c, queue);
                        if (!queue.steps().isEmpty()) {
                            QueueRows.insertSteps(c, queue.steps());
                        }
                        return null;
                    });
        } catch (PermanentException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new PermanentException("queue " + queue.queueId() + " already exists", sql);
            }
            throw e;
        }
    }

    @Override
    public Optional<QueueRecord> find(String queueId) {
        Objects.requireNonNull(queueId, "queueId");
        String where = " WHERE queue_id = ?";
        List<QueueRecord> found =
                jdbc.read(
                        "find of queue " + queueId, c -> QueueRows.load(c, where, where, queueId));
        return found.stream().findFirst();
    }

    @Override
    public List<QueueRecord> list() {
        return jdbc.read("list of queues", c -> QueueRows.load(c, "", "", null));
    }

    @Override
    public List<QueueRecord> listUnfinished() {
        return jdbc.read("list of unfinished queues", QueueRows::loadUnfinished);
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
        return update(
                "update of step " + queueId + "/" + telemetryId,
                "UPDATE queue_steps SET status = ?, records_written = ?, message = ?,"
                        + " updated_at_us = ?"
                        + STEP_KEY
                        + NOT_TERMINAL,
                status.wire(),
                recordsWritten,
                message == null ? "" : message,
                atUs,
                queueId,
                telemetryId);
    }

    @Override
    public boolean applyTelemetry(
            String queueId,
            String telemetryId,
            StepStatus status,
            long recordsWritten,
            String message,
            long eventUs,
            long atUs) {
        Objects.requireNonNull(status, "status");
        return update(
                "telemetry of step " + queueId + "/" + telemetryId,
                "UPDATE queue_steps SET status = ?, records_written = ?, message = ?,"
                        + " updated_at_us = ?, last_event_us = ?"
                        + STEP_KEY
                        + NOT_TERMINAL
                        + " AND last_event_us <= ?",
                status.wire(),
                recordsWritten,
                message == null ? "" : message,
                atUs,
                eventUs,
                queueId,
                telemetryId,
                eventUs);
    }

    @Override
    public boolean claimLaunch(String queueId, String telemetryId, int attempt, long atUs) {
        return update(
                "launch claim of step " + queueId + "/" + telemetryId,
                "UPDATE queue_steps SET attempt = ?, launch_state = 'launching', updated_at_us = ?"
                        + STEP_KEY
                        + NOT_TERMINAL
                        + " AND attempt < ?",
                attempt,
                atUs,
                queueId,
                telemetryId,
                attempt);
    }

    @Override
    public boolean markLaunched(String queueId, String telemetryId, int attempt, long atUs) {
        return update(
                "launch of step " + queueId + "/" + telemetryId,
                "UPDATE queue_steps SET launch_state = 'launched', updated_at_us = ?"
                        + STEP_KEY
                        + " AND attempt = ? AND launch_state = 'launching'",
                atUs,
                queueId,
                telemetryId,
                attempt);
    }

    @Override
    public boolean markStopping(String queueId, String telemetryId, long atUs) {
        return update(
                "stop of step " + queueId + "/" + telemetryId,
                "UPDATE queue_steps SET launch_state = 'stopping', updated_at_us = ?"
                        + STEP_KEY
                        + NOT_TERMINAL
                        + " AND launch_state IN ('launching', 'launched')",
                atUs,
                queueId,
                telemetryId);
    }

    @Override
    public boolean updateQueue(String queueId, QueueStatus status, long atUs) {
        Objects.requireNonNull(status, "status");
        return update(
                "update of queue " + queueId,
                "UPDATE queues SET status = ?, updated_at_us = ? WHERE queue_id = ?" + NOT_TERMINAL,
                status.wire(),
                atUs,
                queueId);
    }

    @Override
    public boolean resetForResume(String queueId, long atUs) {
        Objects.requireNonNull(queueId, "queueId");
        return jdbc.inTransaction(
                "resume of queue " + queueId,
                c -> {
                    try (PreparedStatement q = c.prepareStatement(REOPEN_QUEUE)) {
                        q.setLong(1, atUs);
                        q.setString(2, queueId);
                        q.setString(3, queueId);
                        if (q.executeUpdate() == 0) {
                            return false;
                        }
                    }
                    try (PreparedStatement steps = c.prepareStatement(REOPEN_STEPS)) {
                        steps.setLong(1, atUs);
                        steps.setString(2, queueId);
                        steps.executeUpdate();
                    }
                    return true;
                });
    }

    /** One conditional statement; whether it changed a row. */
    private boolean update(String what, String sql, Object... params) {
        return jdbc.read(
                what,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < params.length; i++) {
                            ps.setObject(i + 1, params[i]);
                        }
                        return ps.executeUpdate() > 0;
                    }
                });
    }
}
