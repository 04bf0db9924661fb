package io.streamforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.store.arango.FakeArangoServer;
import io.streamforge.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Stores#open} from the environment a service gets: {@code DB_KIND=postgres} on a real
 * embedded PostgreSQL, {@code DB_KIND=arango} on the in-test {@link FakeArangoServer} (NOT
 * ArangoDB: none can run here; the adapters' own contract tests cover a real one when {@code
 * ARANGO_URL} is set). Both give working ports that round-trip candles, indicator values and
 * queues.
 */
class StoresIT {
    private static EmbeddedPostgresServer postgres;
    private static FakeArangoServer arango;
    @TempDir static Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgresServer.start();
        arango = new FakeArangoServer("streamforge", "pw");
    }

    @AfterAll
    static void stop() {
        if (arango != null) {
            arango.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static DatabaseSettings settings(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        DatabaseSettings s = DatabaseSettings.read(r);
        r.validate();
        return s;
    }

    private static Map<String, String> arangoEnv(String password) throws Exception {
        Path file = Files.writeString(dir.resolve("arango-" + password), password + "\n");
        return Map.of(
                "DB_KIND", "arango",
                "ARANGO_URL", arango.url(),
                "ARANGO_DB", "factory",
                "ARANGO_USER", "streamforge",
                "ARANGO_PASSWORD_FILE", file.toString());
    }

    @Test
    void postgresIsTheDefaultKind() throws Exception {
        Path pw = Files.writeString(dir.resolve("pg"), postgres.password());
        Map<String, String> env =
                Map.of(
                        "POSTGRES_JDBC_URL", postgres.jdbcUrl(),
                        "POSTGRES_USER", postgres.user(),
                        "POSTGRES_PASSWORD_FILE", pw.toString());
        try (Stores stores = Stores.open(settings(env))) {
            assertThat(stores.kind()).isEqualTo("postgres");
            roundTrip(stores);
        }
    }

    @Test
    void arangoWhenDbKindSaysSo() throws Exception {
        try (Stores stores = Stores.open(settings(arangoEnv("pw")))) {
            assertThat(stores.kind()).isEqualTo("arango");
            roundTrip(stores);
        }
    }

    @Test
    void wrongArangoPasswordIsAPermanentError() throws Exception {
        DatabaseSettings s = settings(arangoEnv("wrong"));
        assertThatThrownBy(() -> Stores.open(s))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("401");
    }

    @Test
    void anUnknownKindIsRejected() {
        DatabaseSettings s = new DatabaseSettings("mysql", null, "u", "p", null, null, 0);
        assertThatThrownBy(() -> Stores.open(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DB_KIND 'mysql'");
    }

    private static void roundTrip(Stores stores) {
        var candles = Fixtures.candles(Fixtures.BTCUSDT, Interval.M1, Fixtures.T0_US, 3);
        stores.marketData().upsert(candles);
        TimeRange all = new TimeRange(Fixtures.T0_US, Fixtures.T0_US + 3_600_000_000L);
        assertThat(stores.marketData().candles(Fixtures.BTCUSDT, Interval.M1, all))
                .isEqualTo(candles);
        IndicatorValue v =
                new IndicatorValue(Fixtures.BTCUSDT, Interval.M1, Fixtures.T0_US, "RSI_14", 42.5);
        assertThat(stores.indicators().upsert(List.of(v))).isEqualTo(1);
        assertThat(stores.indicators().values(Fixtures.BTCUSDT, Interval.M1, "RSI_14", all))
                .containsExactly(v);
        assertThat(stores.graphs().load("missing")).isEmpty();
        assertThat(stores.coverage()).isNotNull();
        QueueRecord q = Fixtures.queue("q-stores", Fixtures.T0_US);
        stores.queues().create(q);
        assertThat(stores.queues().listUnfinished()).containsExactly(q);
        assertThat(stores.queues().claimLaunch("q-stores", "q-stores-loader", 1, 1)).isTrue();
        assertThat(stores.queues().claimLaunch("q-stores", "q-stores-loader", 1, 2)).isFalse();
    }
}
