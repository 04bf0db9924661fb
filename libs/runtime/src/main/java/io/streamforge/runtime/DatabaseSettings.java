package io.streamforge.runtime;

/**
 * Which database a worker uses: {@code DB_KIND=postgres} (default: POSTGRES_JDBC_URL,
 * POSTGRES_USER, POSTGRES_PASSWORD_FILE) or {@code DB_KIND=arango} (ARANGO_URL, ARANGO_DB,
 * ARANGO_USER, ARANGO_PASSWORD_FILE, ARANGO_BATCH_SIZE). The JDBC URL carries {@code
 * POSTGRES_SSL_MODE} / {@code POSTGRES_SSL_ROOT_CERT_FILE} (see {@link PostgresUrl}); the password
 * is never part of {@link #toString()}.
 */
public record DatabaseSettings(
        String kind,
        String jdbcUrl,
        String user,
        String password,
        String arangoUrl,
        String arangoDb,
        int arangoBatchSize) {

    public static DatabaseSettings read(ConfigReader r) {
        String kind = r.optional("DB_KIND", "postgres");
        if (kind.equals("arango")) {
            return new DatabaseSettings(
                    kind,
                    null,
                    r.optional("ARANGO_USER", "root"),
                    r.optionalSecret("ARANGO_PASSWORD"),
                    r.required("ARANGO_URL"),
                    r.optional("ARANGO_DB", "streamforge"),
                    r.intValue("ARANGO_BATCH_SIZE", 1000, 1, 100_000));
        }
        if (!kind.equals("postgres")) {
            r.problem("invalid DB_KIND: '" + kind + "' (expected postgres or arango)");
        }
        return new DatabaseSettings(
                "postgres",
                PostgresUrl.read(r),
                r.optional("POSTGRES_USER", "postgres"),
                r.optionalSecret("POSTGRES_PASSWORD"),
                null,
                null,
                0);
    }

    public boolean arango() {
        return kind.equals("arango");
    }

    /** Everything but the password. */
    @Override
    public String toString() {
        return arango()
                ? "DatabaseSettings[arango " + arangoUrl + "/" + arangoDb + " user=" + user + "]"
                : "DatabaseSettings[postgres " + jdbcUrl + " user=" + user + "]";
    }
}
