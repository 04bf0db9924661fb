package io.streamforge.binance;

/**
 * How the client waits (budget windows, Retry-After, backoff). Injected so that tests can advance a
 * fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /** Waits {@code ms} milliseconds; an interrupt is turned into an unchecked exception. */
    void sleepMs(long ms);

    /** Real {@link Thread#sleep}; restores the interrupt flag and throws when interrupted. */
    static Sleeper system() {
        return ms -> {
            if (ms <= 0) {
                return;
            }
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting " + ms + " ms", e);
            }
        };
    }
}
