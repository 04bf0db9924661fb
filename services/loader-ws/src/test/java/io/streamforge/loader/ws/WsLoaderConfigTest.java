package io.streamforge.loader.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.binance.ws.WsStream;
import io.streamforge.domain.Symbol;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerRunner;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Environment configuration: defaults, every variable, and bad values named in one error. */
class WsLoaderConfigTest {
    static Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", "q-ws");
        env.put("SYMBOLS", "BTCUSDT,ethusdt");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        for (int i = 0; i < kv.length; i += 2) env.put(kv[i], kv[i + 1]);
        return env;
    }

    static WsLoaderSettings read(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        WorkerConfig common = WorkerConfig.read(r, WsLoaderWorker.SERVICE, true);
        WsLoaderSettings s = WsLoaderSettings.read(r, common);
        r.validate();
        return s;
    }

    @Test
    void defaults() {
        WsLoaderSettings s = read(env());
        assertThat(s.streamTypes()).containsExactly("aggTrade");
        assertThat(s.topic()).isEqualTo("q-ws");
        assertThat(s.depthTopic()).isEqualTo("q-ws.depth");
        assertThat(s.partitions()).isEqualTo(3);
        assertThat(s.feed().baseUrl()).isEqualTo("wss://stream.binance.com:9443");
        assertThat(s.feed().maxStreamsPerConnection()).isEqualTo(200);
        assertThat(s.feed().connectionLifetimeMs()).isEqualTo(23L * 3_600_000L);
        assertThat(s.feed().useMicroseconds()).isTrue();
        assertThat(s.rest().baseUrl()).isEqualTo("https://api.binance.com");
        assertThat(s.bounded()).isFalse();
        assertThat(s.gapSilenceUs()).isEqualTo(600_000_000L);
    }

    @Test
    void everyStreamTypeAndBound() {
        WsLoaderSettings s =
                read(
                        env(
                                "STREAMS", "aggTrade, trade,kline_1m,depth",
                                "STREAMS_PER_CONNECTION", "3",
                                "CONNECTION_LIFETIME_MS", "60000",
                                "ROTATION_STAGGER_MS", "1000",
                                "BINANCE_WS_URL", "ws://127.0.0.1:9/",
                                "DEPTH_TOPIC", "books",
                                "RUN_FOR_MS", "5000",
                                "END_TIME", "2024-01-15T01:00:00Z"));
        List<WsStream> streams = s.streams(List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")));
        assertThat(streams)
                .extracting(WsStream::name)
                .containsExactly(
                        "btcusdt@aggTrade",
                        "btcusdt@trade",
                        "btcusdt@kline_1m",
                        "btcusdt@depth@100ms",
                        "ethusdt@aggTrade",
                        "ethusdt@trade",
                        "ethusdt@kline_1m",
                        "ethusdt@depth@100ms");
        assertThat(s.feed().maxStreamsPerConnection()).isEqualTo(3);
        assertThat(s.feed().rotateAfterMs(1)).isEqualTo(59_000);
        assertThat(s.feed().baseUrl()).isEqualTo("ws://127.0.0.1:9");
        assertThat(s.depthTopic()).isEqualTo("books");
        assertThat(s.hasDepth()).isTrue();
        assertThat(s.runForMs()).isEqualTo(5_000);
        assertThat(s.endTimeUs())
                .isEqualTo(Instant.parse("2024-01-15T01:00:00Z").toEpochMilli() * 1000);
        assertThat(s.bounded()).isTrue();
    }

    @Test
    void badValuesAreAllNamedInOneError() {
        assertThatThrownBy(
                        () ->
                                read(
                                        env(
                                                "STREAMS", "foo",
                                                "STREAMS_PER_CONNECTION", "5000",
                                                "CONNECTION_LIFETIME_MS", "86400000",
                                                "END_TIME", "yesterday")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid STREAMS: unknown stream type 'foo'")
                .hasMessageContaining("invalid STREAMS_PER_CONNECTION: 5000 not in [1, 1024]")
                .hasMessageContaining("invalid CONNECTION_LIFETIME_MS")
                .hasMessageContaining("invalid END_TIME");
        assertThatThrownBy(() -> read(env("STREAMS", "kline_7m")))
                .hasMessageContaining("invalid STREAMS");
    }

    @Test
    void theRunnerExitsWith2BeforeTouchingKafka() {
        int code =
                WorkerRunner.run(
                        WsLoaderWorker.SERVICE,
                        env("STREAMS", "foo", "STREAMS_PER_CONNECTION", "5000"),
                        true,
                        WsLoaderWorker::create,
                        new StopSignal(),
                        () -> 0L);
        assertThat(code).isEqualTo(2);
        Map<String, String> noSymbols = env();
        noSymbols.remove("SYMBOLS");
        assertThat(
                        WorkerRunner.run(
                                WsLoaderWorker.SERVICE,
                                noSymbols,
                                true,
                                WsLoaderWorker::create,
                                new StopSignal(),
                                () -> 0L))
                .isEqualTo(2);
    }
}
