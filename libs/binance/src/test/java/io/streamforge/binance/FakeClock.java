package io.streamforge.binance;

import io.streamforge.domain.port.TimeSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when the client "sleeps"; records every sleep. */
final class FakeClock implements TimeSource, Sleeper {
    private final AtomicLong nowUs;
    final List<Long> sleepsMs = new CopyOnWriteArrayList<>();

    FakeClock(long startMs) {
        this.nowUs = new AtomicLong(startMs * 1_000L);
    }

    @Override
    public long nowUs() {
        return nowUs.get();
    }

    @Override
    public void sleepMs(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("negative sleep " + ms);
        }
        sleepsMs.add(ms);
        nowUs.addAndGet(ms * 1_000L);
    }

    void advanceMs(long ms) {
        nowUs.addAndGet(ms * 1_000L);
    }
}
