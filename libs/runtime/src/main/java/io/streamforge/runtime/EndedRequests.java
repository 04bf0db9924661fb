package io.streamforge.runtime;

import io.javalin.http.Context;

/**
 * An HTTP exchange that Jetty has already recycled — a streamed (SSE) request whose client went
 * away, its future completed afterwards — has no request or response left: {@code ctx.path()} and
 * every write throw. An exception handler that touches it throws in turn, and Javalin hands that
 * exception to the same handler again: found in CI as an endless loop of "Exception handler for
 * NullPointerException threw an error" that burned a CPU and wrote gigabytes of log for the rest of
 * the JVM's life. Error handlers ask {@link #ended} first and leave such an exchange alone.
 */
public final class EndedRequests {
    private EndedRequests() {}

    /** True when the exchange's request or response no longer exists. */
    public static boolean ended(Context ctx) {
        try {
            ctx.req().getRequestURI();
            ctx.res().getStatus();
            return false;
        } catch (RuntimeException recycled) {
            return true;
        }
    }
}
