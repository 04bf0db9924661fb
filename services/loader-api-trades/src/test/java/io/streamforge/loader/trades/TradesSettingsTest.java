package io.streamforge.loader.trades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.port.TimeSource;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerRunner;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TYPE and the shared loader settings as the trades worker reads them; exit 2 on bad input. */
class TradesSettingsTest {
    static Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", "q-trades");
        env.put("SYMBOLS", "BTCUSDT,ETHUSDT");
        env.put("TIME_RANGE", "2024-01-01:2024-01-02");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    static void create(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        TradesLoader.create(r, WorkerConfig.read(r, TradesLoader.SERVICE, true));
        r.validate();
    }

    @Test
    void aggTradesIsTheDefaultAndTheExplicitType() {
        create(env());
        create(env("TYPE", "agg_trades"));
    }

    @Test
    void plainTradesAreRefusedNamingTheReason() {
        assertThatThrownBy(() -> create(env("TYPE", "trades")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TYPE")
                .hasMessageContaining("historicalTrades");
        assertThatThrownBy(() -> create(env("TYPE", "klines")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid TYPE: 'klines'");
    }

    @Test
    void everyMissingVariableIsNamedInOneError() {
        Map<String, String> env = env();
        env.remove("TIME_RANGE");
        env.remove("SYMBOLS");
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        env.put("BINANCE_MAX_RETRIES", "-1");
        assertThatThrownBy(() -> create(env))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(String.join("\n", e.problems()))
                                        .contains("TIME_RANGE")
                                        .contains("SYMBOL")
                                        .contains("KAFKA_BOOTSTRAP_SERVERS")
                                        .contains("BINANCE_MAX_RETRIES"));
    }

    @Test
    void theRunnerExitsWith2BeforeTouchingKafkaOrTheExchange() {
        assertThat(
                        WorkerRunner.run(
                                TradesLoader.SERVICE,
                                env("TYPE", "trades", "BINANCE_BASE_URL", "not-a-url"),
                                true,
                                TradesLoader::create,
                                new StopSignal(),
                                TimeSource.system()))
                .isEqualTo(ConfigException.EXIT_CODE)
                .isEqualTo(2);
    }
}
