package io.streamforge.app.rehearse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 12's log check: every rehearsed Deployment whose rendered environment sets {@code
 * FLUENT_HOST} sent at least one record to the {@link ForwardReceiver} that Fluent-bit's Lua filter
 * ({@link IndexNames}) files under {@code internal-<service>-<yyyy.MM.dd>}, the day being one of
 * the rehearsal's (UTC).
 *
 * @param perWorkload the summary's words for each checked Deployment
 * @param failures one line per Deployment whose records did not arrive, naming it
 * @param line the summary line (receiver totals and how the index names were computed)
 */
record LogCheck(Map<String, String> perWorkload, List<String> failures, String line) {
    static LogCheck of(
            ForwardReceiver receiver,
            IndexNames names,
            Map<String, ChildPod> deployments,
            LocalDate firstDay) {
        if (receiver == null) {
            return new LogCheck(Map.of(), List.of(), "logs: no log forwarding configured");
        }
        Map<ForwardReceiver.TagDay, Long> counts = receiver.counts();
        Map<ForwardReceiver.TagDay, String> index = names.names(new ArrayList<>(counts.keySet()));
        Map<String, Long> perIndex = new LinkedHashMap<>();
        counts.forEach((k, n) -> perIndex.merge(index.get(k), n, Long::sum));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> per = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        deployments.forEach(
                (name, pod) -> {
                    String host = pod.rendered().get("FLUENT_HOST");
                    if (host == null || host.isEmpty()) {
                        return;
                    }
                    long n = 0;
                    String seen = null;
                    for (LocalDate d = firstDay; !d.isAfter(today); d = d.plusDays(1)) {
                        String want = "internal-" + pod.service() + "-" + d.format(DAY);
                        if (perIndex.containsKey(want)) {
                            n += perIndex.get(want);
                            seen = want;
                        }
                    }
                    if (seen == null) {
                        String want = "internal-" + pod.service() + "-" + today.format(DAY);
                        per.put(name, "logs: none under " + want);
                        failures.add(
                                "deployment/"
                                        + name
                                        + ": no log record reached the Forward receiver under "
                                        + want);
                    } else {
                        per.put(name, "logs: " + n + " -> " + seen);
                    }
                });
        String line =
                String.format(
                        "logs: %,d records in %d indices %s (index names by %s; %d messages"
                                + " skipped)",
                        counts.values().stream().mapToLong(Long::longValue).sum(),
                        perIndex.size(),
                        perIndex.keySet(),
                        names.how(),
                        receiver.skipped());
        return new LogCheck(Map.copyOf(per), List.copyOf(failures), line);
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("yyyy.MM.dd");
}
