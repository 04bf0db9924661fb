package io.streamforge.connector;

import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.runtime.WorkerConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Connector configuration from the environment (see the module README).
 *
 * @param topics the topics consumed: {@code [topic]} per queue, {@code KAFKA_TOPICS} live
 * @param live {@code CONNECTOR_MODE=live}: a long-running member of a stable consumer group, no
 *     end-of-stream markers expected (ADR 3001)
 */
record ConnectorSettings(
        String topic,
        Set<String> expectedProducers,
        String groupId,
        int partitions,
        long pollMs,
        DatabaseSettings sink,
        int failAfterBatches,
        int maxPollRecords,
        int sessionTimeoutMs,
        boolean live,
        List<String> topics) {

    static ConnectorSettings read(ConfigReader r, WorkerConfig common) {
        String mode = r.optional("CONNECTOR_MODE", "queue");
        boolean live = mode.equals("live");
        if (!live && !mode.equals("queue")) {
            r.problem("invalid CONNECTOR_MODE: expected queue or live, got " + mode);
        }
        Set<String> expected = live ? liveOnly(r) : expectedProducers(r);
        String topic = live ? null : r.optional("KAFKA_TOPIC", common.queueId());
        String liveTopics = live ? r.required("KAFKA_TOPICS") : null;
        List<String> topics = live ? csv(liveTopics) : List.of(topic);
        if (liveTopics != null && topics.isEmpty()) {
            r.problem("invalid KAFKA_TOPICS: no topic given (e.g. live.aggTrade,live.kline_1m)");
        }
        String group =
                live
                        ? r.required("GROUP_ID")
                        : r.optional("GROUP_ID", "streamforge-connector-" + common.queueId());
        return new ConnectorSettings(
                topic,
                expected,
                group,
                r.intValue("TOPIC_PARTITIONS", 3, 1, 1000),
                r.intValue("POLL_MS", 500, 1, 60_000),
                DatabaseSettings.read(r),
                r.intValue("CONNECTOR_FAIL_AFTER_BATCHES", 0, 0, Integer.MAX_VALUE),
                r.intValue("MAX_POLL_RECORDS", 5_000, 1, 100_000),
                // how soon the group hands a dead connector's partitions to its replacement
                // (broker bounds: group.min/max.session.timeout.ms, 6 s .. 30 min by default)
                r.intValue("KAFKA_SESSION_TIMEOUT_MS", 45_000, 6_000, 1_800_000),
                live,
                topics);
    }

    private static Set<String> expectedProducers(ConfigReader r) {
        String producers = r.required("EXPECTED_PRODUCERS");
        Set<String> expected = Set.copyOf(csv(producers));
        if (producers != null && expected.isEmpty()) {
            r.problem("invalid EXPECTED_PRODUCERS: no telemetry id given");
        }
        return expected;
    }

    /** Live mode runs until stopped: the queue-mode variables are rejected by name. */
    private static Set<String> liveOnly(ConfigReader r) {
        for (String unused : List.of("EXPECTED_PRODUCERS", "KAFKA_TOPIC")) {
            if (r.optional(unused, null) != null) {
                r.problem("invalid " + unused + ": not used with CONNECTOR_MODE=live");
            }
        }
        return Set.of();
    }

    private static List<String> csv(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .collect(Collectors.toUnmodifiableList());
    }
}
