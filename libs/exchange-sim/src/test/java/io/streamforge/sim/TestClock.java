package io.streamforge.sim;

import io.streamforge.domain.port.TimeSource;
import java.util.concurrent.atomic.AtomicLong;

/** A controllable clock for the simulator's "now". */
final class TestClock implements TimeSource {
    private final AtomicLong nowUs;

    TestClock(long nowUs) {
        this.nowUs = new AtomicLong(nowUs);
    }

    @Override
    public long nowUs() {
        return nowUs.get();
    }

    void set(long us) {
        nowUs.set(us);
    }

    void advanceUs(long us) {
        nowUs.addAndGet(us);
    }
}
