package io.streamforge.store.arango;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link FakeArangoServer} per test JVM (NOT ArangoDB — none can run here) and a fresh database
 * per store, so every test starts empty and also exercises database/schema creation.
 */
final class ArangoTestSupport {
    static final String USER = "streamforge";
    static final String PASSWORD = "s3cret";
    private static final AtomicInteger DATABASES = new AtomicInteger();
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

    /** Closes stores opened by a test. */
    static final class Opened implements AutoCloseable {
        private final List<ArangoStores> open = new ArrayList<>();

        ArangoStores add(ArangoStores s) {
            open.add(s);
            return s;
        }

        @Override
        public void close() {
            open.forEach(ArangoStores::close);
            open.clear();
        }
    }
}
