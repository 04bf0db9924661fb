package io.streamforge.domain.queue;

import java.util.Map;
import java.util.Objects;

/**
 * What a launcher needs to start one worker: its target service, a Kubernetes-safe name, the image
 * (ignored locally) and the environment that configures it. Secret values never travel in {@code
 * env}: only {@code *_FILE} paths or secret references do.
 */
public record JobSpec(
        String queueId,
        String telemetryId,
        String target,
        String jobName,
        String image,
        Map<String, String> env) {
    public JobSpec {
        Objects.requireNonNull(queueId, "queue_id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(jobName, "job_name");
        if (jobName.length() > 63) {
            throw new IllegalArgumentException("job name longer than 63 characters: " + jobName);
        }
        env = Map.copyOf(env);
    }
}
