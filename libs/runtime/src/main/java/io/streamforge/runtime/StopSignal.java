package io.streamforge.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Set once when a stop command (or shutdown) arrives; work loops poll it between batches. */
public final class StopSignal {
    private final CountDownLatch latch = new CountDownLatch(1);
    private volatile String reason;

    public void stop(String why) {
        if (reason == null) {
            reason = why;
        }
        latch.countDown();
    }

    public boolean stopped() {
        return latch.getCount() == 0;
    }

    public String reason() {
        return reason;
    }

    /** Sleeps up to {@code ms}, returning early (true) when stopped. */
    public boolean await(long ms) throws InterruptedException {
        return latch.await(ms, TimeUnit.MILLISECONDS);
    }
}
