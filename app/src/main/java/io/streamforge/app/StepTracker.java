package io.streamforge.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.app.cli.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a queue's steps as the API reports them: when each started running and ended (as seen by
 * polling), and how many records it wrote, for the progress bars and the timings table.
 */
final class StepTracker {
    private record Seen(String status, long records, long startNs, long endNs) {}

    private final Map<String, Long> expected;
    private final Map<String, Seen> seen = new LinkedHashMap<>();

    StepTracker(Map<String, Long> expected) {
        this.expected = expected;
    }

    /** Takes the {@code steps} array of {@code GET /queues/{id}}. */
    void update(JsonNode steps) {
        long now = System.nanoTime();
        for (JsonNode s : steps) {
            String name = s.get("target").asText();
            String status = s.get("status").asText();
            long records = s.get("records_written").asLong();
            Seen before = seen.get(name);
            long start = before == null ? 0 : before.startNs();
            if (start == 0 && !status.equals("pending")) {
                start = now;
            }
            long end = before == null ? 0 : before.endNs();
            if (end == 0 && start != 0 && isTerminal(status)) {
                end = now;
            }
            seen.put(name, new Seen(status, records, start, end));
        }
    }

    /** Every step in pipeline order, with running time so far. */
    List<Progress.Step> steps() {
        long now = System.nanoTime();
        List<Progress.Step> out = new ArrayList<>();
        for (Map.Entry<String, Seen> e : seen.entrySet()) {
            Seen s = e.getValue();
            double seconds =
                    s.startNs() == 0 ? 0 : ((s.endNs() == 0 ? now : s.endNs()) - s.startNs()) / 1e9;
            long total = expected.getOrDefault(e.getKey(), -1L);
            out.add(new Progress.Step(e.getKey(), s.status(), s.records(), total, seconds));
        }
        return out;
    }

    private static boolean isTerminal(String status) {
        return !status.equals("pending") && !status.equals("running");
    }
}
