package io.streamforge.store.postgres;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TransientException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Maps JDBC failures onto the domain's retry vocabulary: connection errors, serialization failures,
 * deadlocks, lock timeouts, shutdowns and resource exhaustion are {@link TransientException}s;
 * everything else (constraint and data errors, bad SQL) is a {@link PermanentException}.
 */
public final class PostgresErrors {
    /** SQLSTATEs worth retrying besides the whole class 08 (connection exception). */
    private static final Set<String> TRANSIENT_STATES =
            Set.of(
                    "40001", // serialization_failure
                    "40P01", // deadlock_detected
                    "55P03", // lock_not_available
                    "57014", // query_canceled (statement timeout)
                    "57P01", // admin_shutdown
                    "57P02", // crash_shutdown
                    "57P03", // cannot_connect_now
                    "53000", // insufficient_resources
                    "53100", // disk_full
                    "53200", // out_of_memory
                    "53300"); // too_many_connections

    private PostgresErrors() {}

    /** Whether retrying the failed operation may succeed. */
    public static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The domain exception for a failed operation; {@code what} names the operation. */
    public static RuntimeException classify(String what, SQLException e) {
        String message = what + " failed: [" + e.getSQLState() + "] " + e.getMessage();
        return isTransient(e)
                ? new TransientException(message, e)
                : new PermanentException(message, e);
    }
}
