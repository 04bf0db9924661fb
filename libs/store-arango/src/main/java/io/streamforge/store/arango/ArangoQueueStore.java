package io.streamforge.store.arango;

import com.arangodb.ArangoDBException;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link QueueStore} on ArangoDB: collections {@code queues} and {@code queue_steps} ({@link
 * QueueDocs}, ADR 2700). {@link #create} inserts the queue and its steps in one stream transaction
 * (a duplicate queue id fails the primary-key insert, errorNum 1210, and nothing is written).
 *
 * <p>Every state change is one AQL {@code FOR d IN … FILTER d._key == @key AND <condition> UPDATE …
 * IN … RETURN true} ({@link Aql#STEP_CLAIM} and friends): the condition is the compare, the {@code
 * UPDATE} the set, and the number of returned rows says whether it changed anything (<a
 * href="https://docs.arango.ai/arangodb/3.12/aql/high-level-operations/update/">UPDATE</a>). The
 * statement runs inside a stream transaction holding an <em>exclusive</em> lock on the collection
 * (<a href="https://docs.arango.ai/arangodb/3.12/develop/transactions/stream-transactions/">stream
 * transactions</a>, <a
 * href="https://docs.arango.ai/arangodb/3.12/develop/transactions/locking-and-isolation/">locking
 * and isolation</a>), so no other writer changes the document between the FILTER's read and the
 * UPDATE: two concurrent {@link #claimLaunch} calls for one attempt never both win, and a replayed
 * telemetry event ({@code last_event_us} not older) changes nothing. Document revisions ({@code
 * _rev}/{@code If-Match}) are not used: RocksDB's write-write conflict (errorNum 1200) would then
 * surface as an error to retry rather than as a clean {@code false}.
 *
 * <p>{@link #listUnfinished} reads the ids of queues and steps whose {@code status} is {@code
 * pending|running} through the persistent indexes on {@code status}, then those queues and steps by
 * {@code queue_id} — independent of the finished history. Ordering (newest first, steps by
 * position) is done in Java.
 */
public final class ArangoQueueStore implements QueueStore {
    private static final String QUEUES = ArangoSchema.QUEUES;
    private static final String STEPS = ArangoSchema.QUEUE_STEPS;
    private static final List<String> TERMINAL = List.of("finished", "failed", "interrupted");
    private static final List<String> OPEN = List.of("pending", "running");
    private static final int UNIQUE_CONSTRAINT = 1210;

    private final ArangoClient client;

    ArangoQueueStore(ArangoClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void create(QueueRecord queue) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(queue.status(), "status");
        queue.requireValidSteps(); // a repeated telemetry id must not fail as a duplicate queue
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepRecord s : queue.steps()) {
            steps.add(QueueDocs.step(s, steps.size()));
        }
        try {
            client.inTransaction(
                    "create of queue " + queue.queueId(),
                    new String[] {QUEUES, STEPS},
                    new String[0],
                    tx -> {
                        insert(QUEUES, List.of(QueueDocs.queue(queue)), tx);
                        if (!steps.isEmpty()) {
                            insert(STEPS, steps, tx);
                        }
                        return null;
                    });
        } catch (PermanentException e) {
            if (e.getCause() instanceof ArangoDBException a
                    && Objects.equals(a.getErrorNum(), UNIQUE_CONSTRAINT)) {
                throw new PermanentException("queue " + queue.queueId() + " already exists", a);
            }
            throw e;
        }
    }

    private void insert(String coll, List<Map<String, Object>> docs, String tx) {
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", coll);
        bind.put("docs", docs);
        client.query("insert into " + coll, Aql.INSERT, bind, Void.class, tx);
    }

    @Override
    public Optional<QueueRecord> find(String queueId) {
        Objects.requireNonNull(queueId, "queueId");
        return load("find of queue " + queueId, List.of(queueId)).stream().findFirst();
    }

    @Override
    public List<QueueRecord> list() {
        return QueueDocs.records(read(QUEUES, Aql.ALL, Map.of()), read(STEPS, Aql.ALL, Map.of()));
    }

    @Override
    public List<QueueRecord> listUnfinished() {
        Set<String> ids = new LinkedHashSet<>();
        for (String coll : List.of(QUEUES, STEPS)) {
            Map<String, Object> bind = Map.of("@coll", coll, "open", OPEN);
            ids.addAll(
                    client.query(
                            "read of unfinished " + coll,
                            Aql.QUEUE_IDS_OPEN,
                            bind,
                            String.class,
                            null));
        }
        return ids.isEmpty() ? List.of() : load("list of unfinished queues", List.copyOf(ids));
    }

    /** The queues of {@code ids} with their steps, newest first. */
    private List<QueueRecord> load(String what, List<String> ids) {
        Map<String, Object> bind = Map.of("ids", ids);
        return QueueDocs.records(
                read(QUEUES, Aql.QUEUE_DOCS, bind), read(STEPS, Aql.QUEUE_DOCS, bind));
    }

    private List<Map<String, Object>> read(String coll, String aql, Map<String, Object> bind) {
        Map<String, Object> b = new HashMap<>(bind);
        b.put("@coll", coll);
        return client.documents("read of " + coll, aql, b, null);
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
        Map<String, Object> bind = stepBind(queueId, telemetryId, atUs);
        putState(bind, status.wire(), recordsWritten, message);
        return update("update of step " + queueId + "/" + telemetryId, Aql.STEP_STATE, bind);
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
        Map<String, Object> bind = stepBind(queueId, telemetryId, atUs);
        putState(bind, status.wire(), recordsWritten, message);
        bind.put("eventUs", eventUs);
        return update("telemetry of step " + queueId + "/" + telemetryId, Aql.STEP_TELEMETRY, bind);
    }

    @Override
    public boolean claimLaunch(String queueId, String telemetryId, int attempt, long atUs) {
        Map<String, Object> bind = stepBind(queueId, telemetryId, atUs);
        bind.put("attempt", attempt);
        return update("launch claim of step " + queueId + "/" + telemetryId, Aql.STEP_CLAIM, bind);
    }

    @Override
    public boolean markLaunched(String queueId, String telemetryId, int attempt, long atUs) {
        Map<String, Object> bind = stepBind(queueId, telemetryId, atUs);
        bind.remove("terminal");
        bind.put("attempt", attempt);
        return update("launch of step " + queueId + "/" + telemetryId, Aql.STEP_LAUNCHED, bind);
    }

    @Override
    public boolean markStopping(String queueId, String telemetryId, long atUs) {
        return update(
                "stop of step " + queueId + "/" + telemetryId,
                Aql.STEP_STOPPING,
                stepBind(queueId, telemetryId, atUs));
    }

    @Override
    public boolean updateQueue(String queueId, QueueStatus status, long atUs) {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(status, "status");
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", QUEUES);
        bind.put("key", QueueDocs.queueKey(queueId));
        bind.put("terminal", TERMINAL);
        bind.put("status", status.wire());
        bind.put("atUs", atUs);
        return update("update of queue " + queueId, Aql.QUEUE_STATE, bind);
    }

    /**
     * One stream transaction with both collections locked exclusively: no open step, the queue
     * reopened, its unfinished steps reset.
     */
    @Override
    public boolean resetForResume(String queueId, long atUs) {
        Objects.requireNonNull(queueId, "queueId");
        String what = "resume of queue " + queueId;
        return client.inTransaction(
                what,
                new String[0],
                new String[] {QUEUES, STEPS},
                tx -> {
                    Map<String, Object> steps = new HashMap<>();
                    steps.put("@coll", STEPS);
                    steps.put("ids", List.of(queueId));
                    boolean open =
                            client.documents(what, Aql.QUEUE_DOCS, steps, tx).stream()
                                    .anyMatch(d -> OPEN.contains(d.get("status")));
                    Map<String, Object> queue = new HashMap<>();
                    queue.put("@coll", QUEUES);
                    queue.put("key", QueueDocs.queueKey(queueId));
                    queue.put("resumable", List.of("interrupted", "failed"));
                    queue.put("status", "running");
                    queue.put("atUs", atUs);
                    if (open
                            || client.query(what, Aql.QUEUE_REOPEN, queue, Boolean.class, tx)
                                    .isEmpty()) {
                        return false;
                    }
                    steps.put("done", List.of("finished"));
                    steps.put("status", "pending");
                    steps.put("records", 0L);
                    steps.put("message", "");
                    steps.put("launch", "none");
                    steps.put("atUs", atUs);
                    client.query(what, Aql.STEPS_REOPEN, steps, Boolean.class, tx);
                    return true;
                });
    }

    private static Map<String, Object> stepBind(String queueId, String telemetryId, long atUs) {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(telemetryId, "telemetryId");
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", STEPS);
        bind.put("key", QueueDocs.stepKey(queueId, telemetryId));
        bind.put("terminal", TERMINAL);
        bind.put("atUs", atUs);
        return bind;
    }

    private static void putState(
            Map<String, Object> bind, String status, long records, String message) {
        bind.put("status", status);
        bind.put("records", records);
        bind.put("message", message == null ? "" : message);
    }

    /** One conditional UPDATE under an exclusive lock of its collection; whether it matched. */
    private boolean update(String what, String aql, Map<String, Object> bind) {
        String coll = (String) bind.get("@coll");
        return client.inTransaction(
                what,
                new String[0],
                new String[] {coll},
                tx -> !client.query(what, aql, bind, Boolean.class, tx).isEmpty());
    }
}
