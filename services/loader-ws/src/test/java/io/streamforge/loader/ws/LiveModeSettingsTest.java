package io.streamforge.loader.ws;

import static io.streamforge.loader.ws.WsLoaderConfigTest.env;
import static io.streamforge.loader.ws.WsLoaderConfigTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import io.streamforge.runtime.ConfigException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@code LOADER_MODE=live} (ADR 3001): stable per-stream topics, no deadline, bad values named. */
class LiveModeSettingsTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    @Test
    void liveModeWritesEachStreamTypeToItsStableTopic() {
        WsLoaderSettings s =
                read(env("LOADER_MODE", "live", "STREAMS", "aggTrade,trade,kline_1m,depth"));
        assertThat(s.live()).isTrue();
        assertThat(s.bounded()).isFalse();
        assertThat(s.dataTopics()).containsExactly("live.aggTrade", "live.trade", "live.kline_1m");
        assertThat(s.depthTopic()).isEqualTo("live.depth");
        BigDecimal one = BigDecimal.ONE;
        assertThat(s.topicOf(new AggTrade(BTC, 1, one, one, 1, 1, 0, false, true)))
                .isEqualTo("live.aggTrade");
        assertThat(s.topicOf(new Trade(BTC, 1, one, one, one, 0, false, true)))
                .isEqualTo("live.trade");
        Candle c =
                new Candle(
                        BTC, Interval.M1, 0, 59_999_999, one, one, one, one, one, one, 1, one, one);
        assertThat(s.topicOf(c)).isEqualTo("live.kline_1m");
    }

    @Test
    void livePrefixIsConfigurable() {
        WsLoaderSettings s = read(env("LOADER_MODE", "live", "LIVE_TOPIC_PREFIX", "prod.live"));
        assertThat(s.dataTopics()).containsExactly("prod.live.aggTrade");
    }

    @Test
    void jobModeKeepsTheQueuesTopic() {
        WsLoaderSettings s = read(env("STREAMS", "aggTrade,kline_1m"));
        assertThat(s.live()).isFalse();
        assertThat(s.dataTopics()).containsExactly("q-ws");
        assertThat(
                        s.topicOf(
                                new AggTrade(
                                        BTC,
                                        1,
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        1,
                                        1,
                                        0,
                                        false,
                                        true)))
                .isEqualTo("q-ws");
    }

    @Test
    void liveModeRejectsTheJobModesTopicsAndDeadlinesByName() {
        assertThatThrownBy(
                        () ->
                                read(
                                        env(
                                                "LOADER_MODE", "live",
                                                "KAFKA_TOPIC", "x",
                                                "DEPTH_TOPIC", "y",
                                                "RUN_FOR_MS", "1000",
                                                "END_TIME", "2024-01-01T00:00:00Z")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("KAFKA_TOPIC")
                .hasMessageContaining("DEPTH_TOPIC")
                .hasMessageContaining("RUN_FOR_MS")
                .hasMessageContaining("END_TIME");
    }

    @Test
    void badModeAndPrefixAreNamed() {
        assertThatThrownBy(() -> read(env("LOADER_MODE", "stream")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LOADER_MODE")
                .hasMessageContaining("job or live");
        assertThatThrownBy(() -> read(env("LOADER_MODE", "live", "LIVE_TOPIC_PREFIX", "a b")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LIVE_TOPIC_PREFIX");
    }
}
