package io.streamforge.store.postgres;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The StreamForge schema, applied with Flyway from {@code classpath:db/migration}. */
public final class PostgresSchema {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSchema.class);

    /** Migration scripts' location on the classpath. */
    public static final String LOCATION = "classpath:db/migration";

    private PostgresSchema() {}

    /**
     * Brings the database of {@code dataSource} to the newest schema version; a no-op when it is
     * current. Returns the number of migrations applied.
     */
    public static int migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        MigrateResult result =
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations(LOCATION)
                        .failOnMissingLocations(true)
                        .load()
                        .migrate();
        LOG.info(
                "schema at version {} ({} migration(s) applied)",
                result.targetSchemaVersion,
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }
}
