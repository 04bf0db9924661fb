package io.streamforge.domain.port;

import io.streamforge.domain.Micros;
import java.time.Instant;

/** The clock, injected so that time can be controlled in tests and time-scaled simulations. */
@FunctionalInterface
public interface TimeSource {
    long nowUs();

    default long nowMs() {
        return Micros.toMs(nowUs());
    }

    static TimeSource system() {
        return () -> Micros.of(Instant.now());
    }
}
