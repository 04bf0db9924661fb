package io.streamforge.queuemanager;

import java.util.List;

/** One requested microservice of a pipeline, validated. */
public record StepSpec(
        String target,
        String type,
        String interval,
        String image,
        String collectionName,
        List<String> dependsOn,
        java.util.Map<String, String> extraEnv) {
    public StepSpec {
        dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
        extraEnv = extraEnv == null ? java.util.Map.of() : java.util.Map.copyOf(extraEnv);
    }
}
