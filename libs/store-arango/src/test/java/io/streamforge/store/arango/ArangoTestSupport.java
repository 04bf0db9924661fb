package io.streamforge.store.arango;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the store tests run. One {@link FakeArangoServer} per test JVM (NOT ArangoDB — none can run
 * here) and a fresh database per store, so every test starts empty and also exercises
 * database/schema creation.
 *
 * <p>The contract tests ({@link #contractStores}) run against a <b>real ArangoDB</b> instead when
 * {@code ARANGO_URL} is set (environment variable, or system property {@code arango.url}, e.g.
 * {@code ./mvnw -pl libs/store-arango verify -Darango.url=http://localhost:8529}); the user is
 * {@code ARANGO_USER} / {@code arango.user} (default {@code root}), the password {@code
 * ARANGO_PASSWORD} / {@code arango.password} or the file named by {@code ARANGO_PASSWORD_FILE}
 * (default empty). Each store then gets its own database {@code sf_test_<run>_<n>}, dropped when
 * the test closes it. The wire tests ({@link #freshStores}) always use the fake: they inspect what
 * it received.
 */
final class ArangoTestSupport {
    static final String USER = "streamforge";
    static final String PASSWORD = "s3cret";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static FakeArangoServer server;

    private ArangoTestSupport() {}

    static synchronized FakeArangoServer server() {
        if (server == null) {
            try {
                server = new FakeArangoServer(USER, PASSWORD);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** Stores on a new, empty database of the shared fake server. */
    static ArangoStores freshStores(int batchSize) {
        return ArangoStores.open(
                server().url(), "test" + DATABASES.incrementAndGet(), USER, PASSWORD, batchSize);
    }

    /** The real ArangoDB's URL when one is configured, else null. */
    static String realUrl() {
        return setting("arango.url", "ARANGO_URL", null);
    }

    /** Stores on a new, empty database: of the real ArangoDB when configured, else of the fake. */
    static ArangoStores contractStores(int batchSize) {
        String url = realUrl();
        if (url == null) {
            return freshStores(batchSize);
        }
        return ArangoStores.open(
                url,
                "sf_test_" + RUN + "_" + DATABASES.incrementAndGet(),
                setting("arango.user", "ARANGO_USER", "root"),
                realPassword(),
                batchSize);
    }

    private static String realPassword() {
        String file = setting("arango.password.file", "ARANGO_PASSWORD_FILE", null);
        if (file != null) {
            try {
                return Files.readString(Path.of(file)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return setting("arango.password", "ARANGO_PASSWORD", "");
    }

    private static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Closes stores opened by a test; drops the databases created on a real ArangoDB. */
    static final class Opened implements AutoCloseable {
        private final List<ArangoStores> open = new ArrayList<>();

        ArangoStores add(ArangoStores s) {
            open.add(s);
            return s;
        }

        @Override
        public void close() {
            for (ArangoStores s : open) {
                try {
                    if (realUrl() != null && s.database().name().startsWith("sf_test_")) {
                        s.database().drop();
                    }
                } finally {
                    s.close();
                }
            }
            open.clear();
        }
    }
}
