package io.streamforge.runtime;

import io.streamforge.domain.TransientException;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where workers retry: {@link TransientException}s are retried with exponential
 * backoff and jitter (honouring a server's retry-after), everything else propagates at once.
 */
public final class Retry {
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    private Retry() {}

    public static <T> T call(
            String what,
            int maxAttempts,
            long initialMs,
            long maxMs,
            StopSignal stop,
            Callable<T> body)
            throws Exception {
        long delay = initialMs;
        for (int attempt = 1; ; attempt++) {
            try {
                return body.call();
            } catch (TransientException e) {
                if (attempt >= maxAttempts || stop.stopped()) {
                    throw e;
                }
                long wait =
                        e.retryAfterMs() > 0
                                ? e.retryAfterMs()
                                : delay + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
                LOG.warn(
                        "{} failed (attempt {}/{}), retrying in {} ms: {}",
                        what,
                        attempt,
                        maxAttempts,
                        wait,
                        e.getMessage());
                if (stop.await(wait)) {
                    throw e;
                }
                delay = Math.min(maxMs, delay * 2);
            }
        }
    }
}
