package io.streamforge.gnntrainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.WorkerConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerSettingsTest {
    @TempDir Path dir;

    private static Map<String, String> base() {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", "q-gnn-1");
        env.put("SYMBOLS", "ETHUSDT,BTCUSDT,SOLUSDT");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        env.put("TIME_RANGE", "2024-01-01:2024-01-03");
        env.put("POSTGRES_JDBC_URL", "jdbc:postgresql://localhost:5432/postgres");
        return env;
    }

    private static TrainerSettings read(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        WorkerConfig common = WorkerConfig.read(r, GnnTrainerWorker.SERVICE, true);
        TrainerSettings s = TrainerSettings.read(r, common);
        r.validate();
        return s;
    }

    @Test
    void defaults() {
        TrainerSettings s = read(base());
        assertThat(s.symbols())
                .extracting(Symbol::value)
                .containsExactly("ETHUSDT", "BTCUSDT", "SOLUSDT");
        assertThat(s.interval()).isEqualTo(Interval.M1);
        assertThat(s.resample()).isNull();
        assertThat(s.stepInterval()).isEqualTo(Interval.M1);
        assertThat(s.modelName()).isEqualTo("q-gnn-1");
        assertThat(s.epochs()).isEqualTo(30);
        assertThat(s.patience()).isEqualTo(10);
        assertThat(s.seed()).isEqualTo(42L);
        assertThat(s.horizonSteps()).isEqualTo(1);
        assertThat(s.graphSource()).isEqualTo(TrainerSettings.GraphSource.STORE);
        assertThat(s.graphCollection()).isEqualTo("q-gnn-1");
        assertThat(s.s3().endpoint()).isNull();
        assertThat(s.s3().region()).isEqualTo("us-east-1");
        assertThat(s.s3().bucket()).isEqualTo("streamforge");
        assertThat(s.s3().prefix()).isEqualTo("models");
        assertThat(s.s3().accessKey()).isNull();
        assertThat(s.s3().uri("m", "r1")).isEqualTo("s3://streamforge/models/m/r1/");
        assertThat(s.database().arango()).isFalse();
        assertThat(s.database().user()).isEqualTo("postgres");
        assertThat(s.database().password()).isNull();
    }

    @Test
    void explicitValuesAndSecretsFromFiles() throws Exception {
        Path access = Files.writeString(dir.resolve("ak"), "AKID\n");
        Path secret = Files.writeString(dir.resolve("sk"), "s3cr3t");
        Map<String, String> env = base();
        env.put("INTERVAL", "5m");
        env.put("RESAMPLE", "1h");
        env.put("MODEL_NAME", "gat-majors");
        env.put("MODEL_OUTPUT", "s3://ml-models/team/a/");
        env.put("S3_ENDPOINT", "http://127.0.0.1:9000");
        env.put("S3_BUCKET", "ignored-by-model-output");
        env.put("S3_REGION", "eu-west-1");
        env.put("S3_ACCESS_KEY_FILE", access.toString());
        env.put("S3_SECRET_KEY_FILE", secret.toString());
        env.put("GNN_EPOCHS", "7");
        env.put("GNN_PATIENCE", "3");
        env.put("GNN_SEED", "-3");
        env.put("GNN_HORIZON", "4");
        env.put("GRAPH_SOURCE", "Store");
        env.put("GRAPH_COLLECTION", "graphs.q1");
        TrainerSettings s = read(env);
        assertThat(s.stepInterval()).isEqualTo(Interval.H1);
        assertThat(s.modelName()).isEqualTo("gat-majors");
        assertThat(s.s3().endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(s.s3().bucket()).isEqualTo("ml-models");
        assertThat(s.s3().prefix()).isEqualTo("team/a");
        assertThat(s.s3().key("gat-majors", "r", "metadata.json"))
                .isEqualTo("team/a/gat-majors/r/metadata.json");
        assertThat(s.s3().accessKey()).isEqualTo("AKID");
        assertThat(s.s3().secretKey()).isEqualTo("s3cr3t");
        assertThat(s.s3().toString()).doesNotContain("AKID").doesNotContain("s3cr3t");
        assertThat(s.s3().region()).isEqualTo("eu-west-1");
        assertThat(s.epochs()).isEqualTo(7);
        assertThat(s.patience()).isEqualTo(3);
        assertThat(s.seed()).isEqualTo(-3L);
        assertThat(s.horizonSteps()).isEqualTo(4);
        assertThat(s.graphSource()).isEqualTo(TrainerSettings.GraphSource.STORE);
        assertThat(s.graphCollection()).isEqualTo("graphs.q1");
    }

    @Test
    void graphCollectionFallsBackToCollectionNameThenQueueId() {
        Map<String, String> env = base();
        env.put("COLLECTION_NAME", "candles_q1");
        env.put("GRAPH_SOURCE", "compute");
        TrainerSettings s = read(env);
        assertThat(s.graphCollection()).isEqualTo("candles_q1");
        assertThat(s.graphSource()).isEqualTo(TrainerSettings.GraphSource.COMPUTE);
    }

    @Test
    void modelOutputWithoutPrefixWritesAtTheBucketRoot() {
        Map<String, String> env = base();
        env.put("MODEL_OUTPUT", "s3://bucket-x");
        TrainerSettings s = read(env);
        assertThat(s.s3().key("m", "r", "f")).isEqualTo("m/r/f");
        assertThat(s.s3().uri("m", "r")).isEqualTo("s3://bucket-x/m/r/");
    }

    @Test
    void everyProblemIsNamedInOneError() {
        Map<String, String> env = base();
        env.remove("TIME_RANGE");
        env.remove("POSTGRES_JDBC_URL");
        env.put("INTERVAL", "1h");
        env.put("RESAMPLE", "90m");
        env.put("MODEL_NAME", "bad/name");
        env.put("MODEL_OUTPUT", "http://bucket/prefix");
        env.put("S3_ENDPOINT", "ftp://x");
        env.put("S3_ACCESS_KEY_FILE", dir.resolve("missing").toString());
        env.put("GNN_EPOCHS", "0");
        env.put("GNN_HORIZON", "21");
        env.put("GNN_SEED", "abc");
        env.put("GRAPH_SOURCE", "arango");
        env.put("DB_KIND", "mysql");
        assertThatThrownBy(() -> read(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing TIME_RANGE")
                .hasMessageContaining("missing POSTGRES_JDBC_URL")
                .hasMessageContaining("invalid RESAMPLE")
                .hasMessageContaining("invalid MODEL_NAME")
                .hasMessageContaining("invalid MODEL_OUTPUT")
                .hasMessageContaining("invalid S3_ENDPOINT")
                .hasMessageContaining("invalid S3_ACCESS_KEY_FILE")
                .hasMessageContaining("invalid GNN_EPOCHS")
                .hasMessageContaining("invalid GNN_HORIZON")
                .hasMessageContaining("invalid GNN_SEED")
                .hasMessageContaining("invalid GRAPH_SOURCE: expected compute|store")
                .hasMessageContaining("invalid DB_KIND");
    }

    @Test
    void resampleMustBeACoarserMultipleAndSymbolsAtLeastTwo() {
        Map<String, String> env = base();
        env.put("INTERVAL", "1h");
        env.put("RESAMPLE", "30m");
        env.put("SYMBOLS", "BTCUSDT");
        assertThatThrownBy(() -> read(env))
                .hasMessageContaining("RESAMPLE: 30m must be a multiple of INTERVAL 1h and longer")
                .hasMessageContaining("at least 2 symbols");
        Map<String, String> half = base();
        half.put("S3_ACCESS_KEY_FILE", "/dev/null");
        assertThatThrownBy(() -> read(half)).hasMessageContaining("must be set together");
        Map<String, String> bucket = base();
        bucket.put("S3_BUCKET", "Upper_Case");
        assertThatThrownBy(() -> read(bucket)).hasMessageContaining("invalid S3_BUCKET");
    }

    @Test
    void arangoIsReadFromTheSameVariablesAsTheOtherServices() {
        Map<String, String> env = base();
        env.remove("POSTGRES_JDBC_URL");
        env.put("DB_KIND", "arango");
        assertThatThrownBy(() -> read(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing ARANGO_URL");
        env.put("ARANGO_URL", "http://arangodb:8529");
        TrainerSettings s = read(env);
        assertThat(s.database().arango()).isTrue();
        assertThat(s.database().arangoUrl()).isEqualTo("http://arangodb:8529");
        assertThat(s.database().arangoDb()).isEqualTo("streamforge");
    }
}
