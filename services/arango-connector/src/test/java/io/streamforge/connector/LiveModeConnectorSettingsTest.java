package io.streamforge.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.runtime.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code CONNECTOR_MODE=live} (ADR 3001): topics and group from the env, no end-of-stream markers.
 */
class LiveModeConnectorSettingsTest {
    /** The queue-mode env of {@link ConnectorSettingsTest} turned live, then {@code kv}. */
    static Map<String, String> live(String... kv) {
        Map<String, String> env =
                ConnectorSettingsTest.env(
                        "QUEUE_ID", "live",
                        "CONNECTOR_MODE", "live",
                        "KAFKA_TOPICS", "live.aggTrade, live.kline_1m",
                        "GROUP_ID", "streamforge-connector-live");
        env.remove("EXPECTED_PRODUCERS");
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    @Test
    void liveModeConsumesTheListedTopicsAsTheNamedGroup() {
        ConnectorSettings s = ConnectorSettingsTest.read(live());
        assertThat(s.live()).isTrue();
        assertThat(s.topics()).containsExactly("live.aggTrade", "live.kline_1m");
        assertThat(s.groupId()).isEqualTo("streamforge-connector-live");
        assertThat(s.expectedProducers()).isEmpty();
    }

    @Test
    void queueModeIsTheDefaultAndKeepsOneTopic() {
        ConnectorSettings s = ConnectorSettingsTest.read(ConnectorSettingsTest.env());
        assertThat(s.live()).isFalse();
        assertThat(s.topics()).containsExactly("q-conn");
        assertThat(s.expectedProducers()).containsExactly("loader-api-candles__abc");
    }

    @Test
    void liveModeNeedsTopicsAndGroupAndRejectsQueueVariables() {
        Map<String, String> env = live("EXPECTED_PRODUCERS", "x", "KAFKA_TOPIC", "q");
        env.remove("KAFKA_TOPICS");
        env.remove("GROUP_ID");
        assertThatThrownBy(() -> ConnectorSettingsTest.read(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing KAFKA_TOPICS")
                .hasMessageContaining("missing GROUP_ID")
                .hasMessageContaining("EXPECTED_PRODUCERS")
                .hasMessageContaining("KAFKA_TOPIC:");
    }

    @Test
    void unknownModeIsNamed() {
        assertThatThrownBy(() -> ConnectorSettingsTest.read(live("CONNECTOR_MODE", "streaming")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CONNECTOR_MODE")
                .hasMessageContaining("queue or live");
    }
}
