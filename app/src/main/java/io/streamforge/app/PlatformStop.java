package io.streamforge.app;

import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.queuemanager.LocalJobLauncher;
import io.streamforge.queuemanager.QueueManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the local platform ends its queues on a stop, and what it cleans up at start after a crash
 * (ADR 2801).
 */
final class PlatformStop {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformStop.class);

    /** The reason a graceful stop gives every queue it interrupts. */
    static final String REASON = "platform stopped";

    /** The reason given at start to queues a crashed run left open. */
    static final String CRASH_REASON = "platform stopped without a clean shutdown";

    /** The consumer group of the queue-manager's telemetry consumer (its TelemetryConsumer). */
    static final String MANAGER_GROUP = "streamforge-queue-manager";

    private PlatformStop() {}

    /**
     * At start, before the queue-manager runs: a member a killed run left in the queue-manager's
     * consumer group would keep its {@code queue-events} partitions until its session times out (45
     * s), so telemetry of the first pipelines would wait and reconcile would fail their steps.
     * Nobody can be a live member yet (one platform per data folder), so all members are removed;
     * the committed offsets stay. Returns how many there were. Since the telemetry consumer assigns
     * its partitions and joins no group (ADR 2201 addendum) only a folder last used by an older
     * version can have such members; their presence would make its offset commits fail.
     */
    static int evictStaleGroupMembers(Admin admin, Consumer<String> progress) {
        try {
            ConsumerGroupDescription group =
                    admin.describeConsumerGroups(List.of(MANAGER_GROUP))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get(MANAGER_GROUP);
            int members = group == null ? 0 : group.members().size();
            if (members > 0) {
                admin.removeMembersFromConsumerGroup(
                                MANAGER_GROUP, new RemoveMembersFromConsumerGroupOptions())
                        .all()
                        .get(30, TimeUnit.SECONDS);
                progress.accept(
                        "removed "
                                + members
                                + " member(s) a crashed run left in the queue-manager's Kafka"
                                + " consumer group");
            }
            return members;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0; // a new folder: no group yet
            }
            LOG.warn(
                    "cannot check the queue-manager's consumer group: {}", e.getCause().toString());
            return 0;
        } catch (TimeoutException e) {
            LOG.warn("cannot check the queue-manager's consumer group: {}", e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Graceful stop, first half: the API refuses new work (503) and every open queue ends {@code
     * interrupted} with {@code reason}; the workers get the stop command and are waited for (up to
     * {@code waitMs}). Either argument may be null when the platform did not get that far.
     */
    static void stop(QueueManager manager, LocalJobLauncher launcher, long waitMs, String reason) {
        if (manager != null) {
            try {
                List<String> ids = manager.interruptAll(reason);
                LOG.info("{}: {} queue(s) interrupted {}", reason, ids.size(), ids);
            } catch (RuntimeException e) {
                LOG.warn("while interrupting the queues: {}", e.toString());
            }
        }
        if (launcher != null) {
            try {
                launcher.shutdown(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * At start, before the queue-manager runs: queues still open in the store were left by a run
     * that ended without a stop (its workers died with it). They end {@code interrupted} with
     * {@link #CRASH_REASON}, never {@code running} for good. Returns their ids.
     */
    static List<String> interruptLeftOpen(QueueStore store, Consumer<String> progress) {
        List<String> ids = new ArrayList<>();
        long nowUs = System.currentTimeMillis() * 1_000L;
        for (QueueRecord q : store.list()) {
            if (q.status().terminal()) {
                continue;
            }
            for (StepRecord s : q.steps()) {
                store.updateStep(
                        q.queueId(),
                        s.telemetryId(),
                        StepStatus.INTERRUPTED,
                        s.recordsWritten(),
                        CRASH_REASON,
                        nowUs);
            }
            store.updateQueue(q.queueId(), QueueStatus.INTERRUPTED, nowUs);
            ids.add(q.queueId());
        }
        if (!ids.isEmpty()) {
            progress.accept(
                    ids.size()
                            + " queue(s) left open by a run that crashed now interrupted: "
                            + ids);
        }
        return ids;
    }
}
