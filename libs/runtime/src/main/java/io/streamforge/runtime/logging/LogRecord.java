package io.streamforge.runtime.logging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One log event as it goes over the Forward protocol: the event time (seconds + nanoseconds, sent
 * as a Forward {@code EventTime}) and the flat record of string fields (timestamp, level, logger,
 * thread, message, service, queue_id, exception and any MDC entries).
 */
public record LogRecord(long epochSecond, int nanos, Map<String, String> fields) {
    public LogRecord {
        if (nanos < 0 || nanos > 999_999_999) {
            throw new IllegalArgumentException("nanos out of range: " + nanos);
        }
        Objects.requireNonNull(fields, "fields");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static LogRecord of(Instant time, Map<String, String> fields) {
        return new LogRecord(time.getEpochSecond(), time.getNano(), fields);
    }

    public Instant time() {
        return Instant.ofEpochSecond(epochSecond, nanos);
    }
}
