package io.streamforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TransientException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The one retry loop: transient failures are retried up to the attempt limit, anything else
 * propagates at once, and a stop ends the waiting (no timing asserted: waits are 1 ms).
 */
class RetryTest {
    @Test
    void transientFailuresAreRetriedUntilTheBodySucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String out =
                Retry.call(
                        "fetch",
                        5,
                        1,
                        2,
                        new StopSignal(),
                        () -> {
                            if (calls.incrementAndGet() < 3) {
                                throw new TransientException("HTTP 503", null);
                            }
                            return "ok";
                        });
        assertThat(out).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void theLastTransientFailurePropagatesAfterMaxAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(
                        () ->
                                Retry.call(
                                        "fetch",
                                        3,
                                        1,
                                        1,
                                        new StopSignal(),
                                        () -> {
                                            throw new TransientException(
                                                    "HTTP 429 #" + calls.incrementAndGet(),
                                                    null,
                                                    1);
                                        }))
                .isInstanceOf(TransientException.class)
                .hasMessage("HTTP 429 #3");
        assertThat(calls).hasValue(3);
    }

    @Test
    void permanentAndOtherFailuresAreNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(
                        () ->
                                Retry.call(
                                        "fetch",
                                        5,
                                        1,
                                        1,
                                        new StopSignal(),
                                        () -> {
                                            calls.incrementAndGet();
                                            throw new PermanentException("HTTP 400 bad symbol");
                                        }))
                .isInstanceOf(PermanentException.class);
        assertThatThrownBy(
                        () ->
                                Retry.call(
                                        "parse",
                                        5,
                                        1,
                                        1,
                                        new StopSignal(),
                                        () -> {
                                            calls.incrementAndGet();
                                            throw new IllegalStateException("bug");
                                        }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aStoppedWorkerDoesNotRetry() {
        StopSignal stop = new StopSignal();
        stop.stop("SIGTERM");
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(
                        () ->
                                Retry.call(
                                        "fetch",
                                        10,
                                        60_000,
                                        60_000,
                                        stop,
                                        () -> {
                                            calls.incrementAndGet();
                                            throw new TransientException("down", null);
                                        }))
                .isInstanceOf(TransientException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aStopDuringTheWaitEndsItWithTheFailure() throws Exception {
        StopSignal stop = new StopSignal();
        AtomicInteger calls = new AtomicInteger();
        Thread stopper =
                new Thread(
                        () -> {
                            long deadline = System.currentTimeMillis() + 30_000;
                            while (calls.get() == 0 && System.currentTimeMillis() < deadline) {
                                Thread.onSpinWait();
                            }
                            stop.stop("SIGTERM");
                        });
        stopper.start();
        // a retry-after of 10 minutes: only the stop can end the wait within the test
        assertThatThrownBy(
                        () ->
                                Retry.call(
                                        "fetch",
                                        10,
                                        1,
                                        1,
                                        stop,
                                        () -> {
                                            calls.incrementAndGet();
                                            throw new TransientException("429", null, 600_000);
                                        }))
                .isInstanceOf(TransientException.class)
                .hasMessage("429");
        stopper.join(30_000);
        assertThat(calls).hasValue(1);
    }
}
