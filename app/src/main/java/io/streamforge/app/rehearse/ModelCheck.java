package io.streamforge.app.rehearse;

import io.streamforge.runtime.ConfigReader;
import io.streamforge.store.s3.S3ModelRepository;
import io.streamforge.store.s3.S3Settings;
import java.util.List;
import java.util.Map;

/**
 * The model in S3, beyond gnn-trainer's exit code: opened with the settings the rehearsed Job's
 * container reads ({@link S3Settings} from its environment, so the bucket and prefix the rendered
 * env names, on S3Proxy), the model ({@code MODEL_NAME}, else the queue id) must have a run with a
 * manifest whose every file is non-empty.
 */
final class ModelCheck {
    private ModelCheck() {}

    /**
     * Checks the model of the queue's gnn-trainer Job; returns the CHECK line's text.
     *
     * @throws IllegalStateException when the Job did not run, or the model is missing or empty
     */
    static String of(ProcessKubelet kubelet, String queueId) {
        ChildPod pod =
                kubelet.runs().stream()
                        .map(ProcessKubelet.JobRun::pod)
                        .filter(p -> p != null && p.service().equals("gnn-trainer"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no gnn-trainer Job ran"));
        Map<String, String> env = pod.env();
        String name = env.getOrDefault("MODEL_NAME", queueId);
        S3Settings settings = S3Settings.read(new ConfigReader(env));
        try (S3ModelRepository repo = S3ModelRepository.open(settings)) {
            List<String> runs = repo.list(name);
            if (runs.isEmpty()) {
                throw new IllegalStateException(
                        "no run of model " + name + " in " + settings.uri(name, ""));
            }
            String run = runs.get(runs.size() - 1);
            Map<String, byte[]> files = repo.get(name, run);
            long bytes = 0;
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getValue().length == 0) {
                    throw new IllegalStateException(repo.uri(name, run) + f.getKey() + " is empty");
                }
                bytes += f.getValue().length;
            }
            if (files.isEmpty()) {
                throw new IllegalStateException(repo.uri(name, run) + " holds no file");
            }
            return String.format(
                    "model: %s holds %d files, %,d bytes (S3Proxy)",
                    repo.uri(name, run), files.size(), bytes);
        }
    }
}
