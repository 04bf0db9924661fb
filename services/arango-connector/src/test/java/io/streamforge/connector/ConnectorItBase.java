package io.streamforge.connector;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One Kafka broker and one PostgreSQL per test class (each test uses its own topic and symbol). */
abstract class ConnectorItBase {
    static ConnectorHarness h;

    @BeforeAll
    static void startServers() {
        h = new ConnectorHarness();
    }

    @AfterAll
    static void stopServers() {
        if (h != null) {
            h.close();
            h = null;
        }
    }
}
