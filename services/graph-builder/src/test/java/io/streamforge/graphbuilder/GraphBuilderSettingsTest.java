package io.streamforge.graphbuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.graph.AlignmentPolicy;
import io.streamforge.graph.CorrelationMethod;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.WorkerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphBuilderSettingsTest {
    @TempDir Path tmp;

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", "loader-btcusdt-klines-2024-03-01-abc123");
        env.put("SYMBOLS", "BTCUSDT,ETHUSDT");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        env.put("TIME_RANGE", "2024-03-01:2024-03-02");
        env.put("POSTGRES_JDBC_URL", "jdbc:postgresql://db:5432/streamforge");
        return env;
    }

    private static GraphBuilderSettings read(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        WorkerConfig common = WorkerConfig.read(r, GraphBuilderWorker.SERVICE, true);
        GraphBuilderSettings s = GraphBuilderSettings.read(r, common);
        r.validate();
        return s;
    }

    @Test
    void defaults() {
        GraphBuilderSettings s = read(minimal());
        assertThat(s.interval()).isEqualTo(Interval.M1);
        assertThat(s.resample()).isNull();
        assertThat(s.graphInterval()).isEqualTo(Interval.M1);
        assertThat(s.method()).isEqualTo(CorrelationMethod.PEARSON);
        assertThat(s.rule()).isEqualTo(GraphRule.mst());
        assertThat(s.alignment()).isEqualTo(AlignmentPolicy.dropRows());
        assertThat(s.minReturns()).isEqualTo(30);
        assertThat(s.collectionName()).isEqualTo("loader-btcusdt-klines-2024-03-01-abc123");
        assertThat(s.graphCollection()).isEqualTo(s.collectionName());
        assertThat(s.indicators())
                .extracting(Object::toString)
                .containsExactly("RSI:14", "SMA:20", "EMA:20", "ATR:14");
        assertThat(s.database().user()).isEqualTo("postgres");
        assertThat(s.database().password()).isNull();
        assertThat(s.range().lengthUs()).isEqualTo(2 * 86_400_000_000L);
    }

    @Test
    void everyVariableIsRead() throws Exception {
        Path secret = tmp.resolve("pw");
        Files.writeString(secret, "s3cret\n");
        Map<String, String> env = minimal();
        env.put("INTERVAL", "5m");
        env.put("RESAMPLE", "1h");
        env.put("GRAPH_METHOD", "Spearman");
        env.put("GRAPH_RULE", "topk:3");
        env.put("ALIGNMENT", "ffill:2");
        env.put("MIN_RETURNS", "12");
        env.put("COLLECTION_NAME", "btc_candles");
        env.put("INDICATORS", "rsi:7, BBANDS:20:2");
        env.put("POSTGRES_USER", "sf");
        env.put("POSTGRES_PASSWORD_FILE", secret.toString());
        GraphBuilderSettings s = read(env);
        assertThat(s.graphInterval()).isEqualTo(Interval.H1);
        assertThat(s.method()).isEqualTo(CorrelationMethod.SPEARMAN);
        assertThat(s.rule()).isEqualTo(new GraphRule(GraphRule.Kind.TOPK, 0, 3));
        assertThat(s.alignment()).isEqualTo(AlignmentPolicy.forwardFill(2));
        assertThat(s.minReturns()).isEqualTo(12);
        assertThat(s.graphCollection()).isEqualTo("btc_candles");
        assertThat(s.indicators())
                .extracting(Object::toString)
                .containsExactly("RSI:7", "BBANDS:20:2");
        assertThat(s.database().user()).isEqualTo("sf");
        assertThat(s.database().password()).isEqualTo("s3cret");
        env.put("GRAPH_COLLECTION", "graph-x");
        env.put("INDICATORS", "none");
        env.put("RESAMPLE", "5m");
        assertThat(read(env).graphCollection()).isEqualTo("graph-x");
        assertThat(read(env).indicators()).isEmpty();
        assertThat(read(env).resample()).isNull();
    }

    @Test
    void oneErrorNamesEveryBadVariable() {
        Map<String, String> env = minimal();
        env.remove("TIME_RANGE");
        env.remove("POSTGRES_JDBC_URL");
        env.remove("SYMBOLS");
        env.put("INTERVAL", "1h");
        env.put("RESAMPLE", "30m");
        env.put("GRAPH_METHOD", "kendall");
        env.put("GRAPH_RULE", "threshold:1.5");
        env.put("ALIGNMENT", "interpolate");
        env.put("MIN_RETURNS", "1");
        env.put("GRAPH_COLLECTION", "bad:name");
        env.put("INDICATORS", "RSI:14,FOO:3");
        env.put("POSTGRES_PASSWORD_FILE", "/nonexistent/pw");
        assertThatThrownBy(() -> read(env))
                .isInstanceOf(ConfigException.class)
                .satisfies(
                        e ->
                                assertThat(((ConfigException) e).problems())
                                        .hasSize(11)
                                        .anySatisfy(
                                                p -> assertThat(p).isEqualTo("missing TIME_RANGE"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .isEqualTo(
                                                                        "missing POSTGRES_JDBC_URL"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .isEqualTo(
                                                                        "missing SYMBOL or SYMBOLS"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith(
                                                                        "invalid RESAMPLE: target interval 30m is not a multiple of source interval 1h"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith(
                                                                        "invalid GRAPH_METHOD: method: expected pearson|spearman"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith(
                                                                        "invalid GRAPH_RULE: threshold must be a number in [0, 1]"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith(
                                                                        "invalid ALIGNMENT: 'interpolate'"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith(
                                                                        "invalid MIN_RETURNS: 1 not in [2,"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith(
                                                                        "invalid GRAPH_COLLECTION"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith(
                                                                        "invalid INDICATORS: unknown indicator 'FOO'"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .isEqualTo(
                                                                        "invalid POSTGRES_PASSWORD_FILE: cannot read /nonexistent/pw")))
                .message()
                .doesNotContain("s3cret");
    }

    @Test
    void indicatorListsAreChecked() {
        assertThatThrownBy(() -> GraphBuilderSettings.indicators("SMA:20,sma:20"))
                .hasMessage("duplicate indicator SMA:20");
        assertThatThrownBy(() -> GraphBuilderSettings.indicators(" , "))
                .hasMessageContaining("no indicator given");
        assertThat(GraphBuilderSettings.indicators("MACD:12:26:9,,OBV"))
                .extracting(Object::toString)
                .containsExactly("MACD:12:26:9", "OBV");
    }

    @Test
    void arangoComputesIndicatorsTooAndNeedsItsUrl() {
        java.util.Map<String, String> env =
                new java.util.HashMap<>(
                        java.util.Map.of(
                                "QUEUE_ID",
                                "q",
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "k:9092",
                                "SYMBOLS",
                                "BTCUSDT,ETHUSDT",
                                "TIME_RANGE",
                                "2024-01-01:2024-01-02",
                                "DB_KIND",
                                "arango"));
        io.streamforge.runtime.ConfigReader r = new io.streamforge.runtime.ConfigReader(env);
        GraphBuilderSettings.read(
                r, io.streamforge.runtime.WorkerConfig.read(r, "graph-builder", true));
        org.assertj.core.api.Assertions.assertThatThrownBy(r::validate)
                .hasMessageContaining("ARANGO_URL");
        env.put("ARANGO_URL", "http://arango:8529");
        io.streamforge.runtime.ConfigReader ok = new io.streamforge.runtime.ConfigReader(env);
        GraphBuilderSettings s =
                GraphBuilderSettings.read(
                        ok, io.streamforge.runtime.WorkerConfig.read(ok, "graph-builder", true));
        ok.validate();
        org.assertj.core.api.Assertions.assertThat(s.database().arango()).isTrue();
        org.assertj.core.api.Assertions.assertThat(s.indicators())
                .extracting(Object::toString)
                .containsExactly("RSI:14", "SMA:20", "EMA:20", "ATR:14");
    }
}
