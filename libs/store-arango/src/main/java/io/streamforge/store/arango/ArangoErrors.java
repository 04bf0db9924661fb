package io.streamforge.store.arango;

import com.arangodb.ArangoDBException;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TransientException;

/**
 * Classifies ArangoDB failures for retry. Transient: no response at all (connection refused, I/O,
 * timeout), HTTP 5xx (503 unavailable, 500 internal), HTTP 429, HTTP 409 with errorNum 1200
 * (write-write conflict) and errorNum 18 (lock timeout). Everything else — 400 (bad AQL, bad key,
 * undeclared collection), 401/403 (credentials, rights), 404 (database or collection missing),
 * other 409 (unique constraint 1210) — is permanent.
 */
public final class ArangoErrors {
    /** ERROR_ARANGO_CONFLICT: write-write conflict; retrying the transaction may succeed. */
    public static final int CONFLICT = 1200;

    /** ERROR_LOCK_TIMEOUT. */
    public static final int LOCK_TIMEOUT = 18;

    /** ERROR_ARANGO_DUPLICATE_NAME: database/collection already exists. */
    public static final int DUPLICATE_NAME = 1207;

    /** ERROR_GRAPH_DUPLICATE: named graph already exists. */
    public static final int GRAPH_DUPLICATE = 1925;

    private ArangoErrors() {}

    /** Whether {@code e} may succeed when retried. */
    public static boolean isTransient(ArangoDBException e) {
        Integer status = e.getResponseCode();
        if (status == null) {
            return true; // no HTTP response: connection refused, reset, timeout
        }
        Integer num = e.getErrorNum();
        if (status == 409) {
            return num != null && (num == CONFLICT || num == LOCK_TIMEOUT);
        }
        return status >= 500 || status == 429;
    }

    /** Whether {@code e} says that what was being created already exists (HTTP 409). */
    public static boolean isDuplicate(ArangoDBException e) {
        Integer num = e.getErrorNum();
        return e.getResponseCode() != null
                && e.getResponseCode() == 409
                && num != null
                && (num == DUPLICATE_NAME || num == GRAPH_DUPLICATE);
    }

    /** The messages of causes and suppressed exceptions (the driver's retry attempts). */
    private static String rootCause(Throwable e) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        collect(e, seen, 0);
        seen.remove(e.getMessage());
        return seen.isEmpty() ? "" : " (" + String.join("; ", seen) + ")";
    }

    private static void collect(Throwable t, java.util.Set<String> out, int depth) {
        if (t == null || depth > 6 || out.size() > 4) {
            return;
        }
        if (t.getMessage() != null) {
            out.add(t.getMessage());
        }
        for (Throwable s : t.getSuppressed()) {
            collect(s, out, depth + 1);
        }
        if (t.getCause() != t) {
            collect(t.getCause(), out, depth + 1);
        }
    }

    /**
     * Wraps {@code e} as {@link TransientException} or {@link PermanentException}; the message
     * names the operation, the HTTP status and ArangoDB's errorNum.
     */
    public static RuntimeException classify(String what, ArangoDBException e) {
        String message =
                "ArangoDB "
                        + what
                        + " failed (HTTP "
                        + (e.getResponseCode() == null ? "none" : e.getResponseCode())
                        + ", errorNum "
                        + (e.getErrorNum() == null ? "none" : e.getErrorNum())
                        + "): "
                        + (e.getErrorMessage() != null ? e.getErrorMessage() : e.getMessage())
                        + rootCause(e);
        return isTransient(e)
                ? new TransientException(message, e)
                : new PermanentException(message, e);
    }
}
