package io.streamforge.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Set;

/**
 * A command on {@code queue-control}: {@code {"v":1,"command":"start|stop|ping","queue_id":"…"|"*",
 * "target"?,"sent_at_us":…}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ControlCommand(int v, String command, String queueId, String target, long sentAtUs) {
    public static final Set<String> COMMANDS = Set.of("start", "stop", "ping");

    public ControlCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(queueId, "queue_id");
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("command: expected start|stop|ping, got " + command);
        }
    }

    public static ControlCommand of(String command, String queueId, String target, long sentAtUs) {
        return new ControlCommand(1, command, queueId, target, sentAtUs);
    }

    /** Whether this command addresses a worker of {@code queueId} with {@code target}. */
    public boolean addresses(String workerQueueId, String workerTarget) {
        boolean queue = queueId.equals("*") || queueId.equals(workerQueueId);
        boolean tgt = target == null || target.isEmpty() || target.equals(workerTarget);
        return queue && tgt;
    }
}
