package io.streamforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
    @Test
    void postgresIsTheDefaultAndNeedsItsJdbcUrl() {
        ConfigReader r = new ConfigReader(Map.of());
        DatabaseSettings s = DatabaseSettings.read(r);
        assertThat(s.arango()).isFalse();
        assertThatThrownBy(r::validate).hasMessageContaining("missing POSTGRES_JDBC_URL");
    }

    @Test
    void arangoNeedsItsUrlButNoPostgres() {
        ConfigReader r = new ConfigReader(Map.of("DB_KIND", "arango"));
        DatabaseSettings.read(r);
        assertThatThrownBy(r::validate)
                .hasMessageContaining("missing ARANGO_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("POSTGRES"));
        ConfigReader ok =
                new ConfigReader(Map.of("DB_KIND", "arango", "ARANGO_URL", "http://arango:8529"));
        DatabaseSettings s = DatabaseSettings.read(ok);
        ok.validate();
        assertThat(s.arango()).isTrue();
        assertThat(s.arangoDb()).isEqualTo("streamforge");
        assertThat(s.arangoBatchSize()).isEqualTo(1000);
    }

    @Test
    void unknownKindIsNamed() {
        ConfigReader r = new ConfigReader(Map.of("DB_KIND", "mongo"));
        DatabaseSettings.read(r);
        assertThatThrownBy(r::validate)
                .hasMessageContaining("invalid DB_KIND: 'mongo' (expected postgres or arango)");
    }

    @Test
    void aNonPostgresJdbcUrlIsRefusedAndThePasswordIsNeverPrinted() {
        ConfigReader r = new ConfigReader(Map.of("POSTGRES_JDBC_URL", "jdbc:mysql://db/x"));
        DatabaseSettings.read(r);
        assertThatThrownBy(r::validate)
                .hasMessageContaining("invalid POSTGRES_JDBC_URL: expected jdbc:postgresql://");
        DatabaseSettings s =
                new DatabaseSettings(
                        "arango", null, "root", "pw-secret", "http://a:8529", "sf", 10);
        assertThat(s.toString()).contains("http://a:8529/sf").doesNotContain("pw-secret");
    }
}
