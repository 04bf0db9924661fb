package io.streamforge.app.rehearse;

import java.util.ArrayList;
import java.util.List;

/**
 * What a rehearsal found: the summary's rows, the failures, the notes and the checks beyond the
 * rows; each pod's variables are checked against the service registry through {@link ChartEnv}.
 */
final class Findings {
    final List<Rehearsal.Row> rows = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> checks = new ArrayList<>();
    private ChartEnv chartEnv;

    void chartEnv(ChartEnv env) {
        this.chartEnv = env;
    }

    /**
     * The container's variables against the service registry: each must be one the service reads.
     */
    int checkEnv(ChildPod pod, boolean job) {
        return chartEnv.check(pod, job, failures, notes);
    }

    Rehearsal.Result result(String values) {
        return new Rehearsal.Result(
                values,
                List.copyOf(rows),
                List.copyOf(failures),
                List.copyOf(notes),
                List.copyOf(checks));
    }
}
