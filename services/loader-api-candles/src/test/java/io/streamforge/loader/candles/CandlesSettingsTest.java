package io.streamforge.loader.candles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.LoadRanges;
import io.streamforge.runtime.LoaderSettings;
import io.streamforge.runtime.WorkerConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandlesSettingsTest {
    static LoaderSettings read(Map<String, String> extra) {
        Map<String, String> env =
                new HashMap<>(
                        Map.of(
                                "QUEUE_ID",
                                "q-1",
                                "SYMBOL",
                                "BTCUSDT",
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "localhost:9092"));
        env.putAll(extra);
        ConfigReader r = new ConfigReader(env);
        WorkerConfig common = WorkerConfig.read(r, CandlesLoader.SERVICE, true);
        LoaderSettings s = LoaderSettings.read(r, common);
        r.validate();
        return s;
    }

    @Test
    void defaultsAreRestMicrosecondsAndThePublicEndpoints() {
        LoaderSettings s = read(Map.of("TIME_RANGE", "2024-01-01:2024-01-02"));
        assertThat(s.source()).isEqualTo(LoaderSettings.SourceMode.REST);
        assertThat(s.range()).isEqualTo(TimeRange.parseDays("2024-01-01:2024-01-02"));
        assertThat(s.topic()).isEqualTo("q-1");
        assertThat(s.dumpBaseUrl()).isEqualTo("https://data.binance.vision");
        assertThat(s.dumpDir()).isNull();
        assertThat(s.binance().microseconds()).isTrue();
        assertThat(CandlesLoader.clientConfig(s.binance()).baseUrl())
                .isEqualTo("https://api.binance.com");
    }

    @Test
    void autoWithALocalMirrorAndMilliseconds() {
        LoaderSettings s =
                read(
                        Map.of(
                                "TIME_RANGE", "2024-01-01:2024-01-31",
                                "SOURCE", "AUTO",
                                "DUMP_DIR", "/data/mirror",
                                "BINANCE_TIME_UNIT", "MILLISECOND",
                                "BINANCE_WEIGHT_LIMIT", "1200"));
        assertThat(s.source()).isEqualTo(LoaderSettings.SourceMode.AUTO);
        assertThat(s.dumpDir()).isEqualTo("/data/mirror");
        assertThat(s.binance().microseconds()).isFalse();
        assertThat(s.binance().weightLimit()).isEqualTo(1200);
    }

    @Test
    void everyBadVariableIsNamedInOneError() {
        assertThatThrownBy(
                        () ->
                                read(
                                        Map.of(
                                                "SOURCE", "ftp",
                                                "DUMP_BASE_URL", "data.binance.vision",
                                                "BINANCE_TIME_UNIT", "NANOSECOND",
                                                "LOADER_CONCURRENCY", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing TIME_RANGE")
                .hasMessageContaining("SOURCE")
                .hasMessageContaining("expected rest, dump or auto, got 'ftp'")
                .hasMessageContaining("invalid DUMP_BASE_URL")
                .hasMessageContaining("BINANCE_TIME_UNIT")
                .hasMessageContaining("LOADER_CONCURRENCY");
    }

    @Test
    void intervalIsReadByTheCandlesLoader() {
        Map<String, String> env =
                new HashMap<>(
                        Map.of(
                                "QUEUE_ID",
                                "q",
                                "SYMBOL",
                                "BTCUSDT",
                                "TIME_RANGE",
                                "2024-01-01:2024-01-01",
                                "INTERVAL",
                                "1M",
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "k:1"));
        ConfigReader r = new ConfigReader(env);
        assertThat(CandlesLoader.create(r, WorkerConfig.read(r, CandlesLoader.SERVICE, true)))
                .isNotNull();
        r.validate();
        assertThat(Interval.of("1M").dumpCode()).isEqualTo("1mo");
    }

    @Test
    void loadRangesOfAResumedRunReplaceTheWholeRangeOfTheSymbolsTheyName() {
        TimeRange days = TimeRange.parseDays("2024-01-01:2024-01-02");
        long a = days.startUs() + 60_000_000L;
        LoaderSettings whole = read(Map.of("TIME_RANGE", "2024-01-01:2024-01-02"));
        assertThat(whole.rangesOf(Symbol.of("BTCUSDT"))).containsExactly(days);
        LoaderSettings some =
                read(
                        Map.of(
                                "TIME_RANGE", "2024-01-01:2024-01-02",
                                "SYMBOLS", "BTCUSDT,ETHUSDT",
                                "LOAD_RANGES", "BTCUSDT=" + a + "-" + days.endUs() + ";ETHUSDT="));
        assertThat(some.rangesOf(Symbol.of("BTCUSDT")))
                .containsExactly(new TimeRange(a, days.endUs()));
        assertThat(some.rangesOf(Symbol.of("ETHUSDT"))).isEmpty();
        assertThat(LoadRanges.parse(some.loadRanges().wire())).isEqualTo(some.loadRanges());
    }

    @Test
    void badLoadRangesAreNamed() {
        long end = TimeRange.parseDays("2024-01-01:2024-01-02").endUs();
        assertThatThrownBy(() -> withLoadRanges("BTCUSDT=0-" + end + ";SOLUSDT="))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "invalid LOAD_RANGES: BTCUSDT 0-" + end + " is outside TIME_RANGE")
                .hasMessageContaining("invalid LOAD_RANGES: SOLUSDT is not in SYMBOLS");
        for (String bad :
                new String[] {"BTCUSDT", "BTCUSDT=5", "BTCUSDT=9-3", "BTCUSDT=;BTCUSDT="}) {
            assertThatThrownBy(() -> withLoadRanges(bad))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("invalid LOAD_RANGES");
        }
    }

    private static LoaderSettings withLoadRanges(String value) {
        return read(Map.of("TIME_RANGE", "2024-01-01:2024-01-02", "LOAD_RANGES", value));
    }
}
