package io.streamforge.connector;

import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.runtime.WorkerConfig;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Connector configuration from the environment (see the module README). */
record ConnectorSettings(
        String topic,
        Set<String> expectedProducers,
        String groupId,
        int partitions,
        long pollMs,
        DatabaseSettings sink,
        int failAfterBatches,
        int maxPollRecords,
        int sessionTimeoutMs) {

    static ConnectorSettings read(ConfigReader r, WorkerConfig common) {
        String producers = r.required("EXPECTED_PRODUCERS");
        Set<String> expected =
                producers == null
                        ? Set.of()
                        : Arrays.stream(producers.split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .collect(Collectors.toUnmodifiableSet());
        if (producers != null && expected.isEmpty()) {
            r.problem("invalid EXPECTED_PRODUCERS: no telemetry id given");
        }
        return new ConnectorSettings(
                r.optional("KAFKA_TOPIC", common.queueId()),
                expected,
                r.optional("GROUP_ID", "streamforge-connector-" + common.queueId()),
                r.intValue("TOPIC_PARTITIONS", 3, 1, 1000),
                r.intValue("POLL_MS", 500, 1, 60_000),
                DatabaseSettings.read(r),
                r.intValue("CONNECTOR_FAIL_AFTER_BATCHES", 0, 0, Integer.MAX_VALUE),
                r.intValue("MAX_POLL_RECORDS", 5_000, 1, 100_000),
                // how soon the group hands a dead connector's partitions to its replacement
                // (broker bounds: group.min/max.session.timeout.ms, 6 s .. 30 min by default)
                r.intValue("KAFKA_SESSION_TIMEOUT_MS", 45_000, 6_000, 1_800_000));
    }
}
