package io.streamforge.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The fields every log line carries, on stdout ({@link JsonLineEncoder}) and in the Fluent records
 * ({@link FluentAppender}) alike: {@code timestamp} (ISO-8601 UTC, ms), {@code level}, {@code
 * logger}, {@code thread}, {@code message}, {@code service}, {@code queue_id} and {@code
 * telemetry_id} (each when known), {@code exception} (when thrown), then every other MDC entry.
 *
 * <p>Where the three ids come from, first found wins: the thread's MDC ({@link #open}, set by
 * {@code WorkerRunner} around a worker, so workers sharing one JVM in local mode are told apart),
 * the defaults a caller passes (the Fluent appender's service), the process defaults ({@link
 * #setProcess}, set by a service's {@code main}; {@code QUEUE_ID} and {@code TELEMETRY_ID} from the
 * environment until then).
 */
public final class LogFields {
    public static final String SERVICE = "service";
    public static final String QUEUE_ID = "queue_id";
    public static final String TELEMETRY_ID = "telemetry_id";

    private static volatile Map<String, String> process =
            ids(null, System.getenv("QUEUE_ID"), System.getenv("TELEMETRY_ID"));

    private LogFields() {}

    /** Restores the thread's previous ids when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The ids for every thread of this JVM that has none in its MDC (null or blank = unknown). */
    public static void setProcess(String service, String queueId, String telemetryId) {
        process = ids(service, queueId, telemetryId);
    }

    /** The process defaults now in force. */
    public static Map<String, String> process() {
        return process;
    }

    /**
     * Puts the ids into this thread's MDC (null or blank ones are left as they are) until the scope
     * is closed, which restores the previous values.
     */
    public static Scope open(String service, String queueId, String telemetryId) {
        Map<String, String> set = ids(service, queueId, telemetryId);
        Map<String, String> previous = new LinkedHashMap<>();
        set.forEach(
                (k, v) -> {
                    previous.put(k, MDC.get(k));
                    MDC.put(k, v);
                });
        return () ->
                previous.forEach(
                        (k, v) -> {
                            if (v == null) {
                                MDC.remove(k);
                            } else {
                                MDC.put(k, v);
                            }
                        });
    }

    /** The fields of one event; {@code defaults} (may be empty) come before the process's. */
    public static Map<String, String> of(ILoggingEvent event, Map<String, String> defaults) {
        Instant time = event.getInstant();
        Map<String, String> f = new LinkedHashMap<>();
        f.put(
                "timestamp",
                DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS)));
        f.put("level", event.getLevel().toString());
        f.put("logger", event.getLoggerName());
        f.put("thread", event.getThreadName());
        f.put("message", event.getFormattedMessage());
        Map<String, String> mdc = event.getMDCPropertyMap();
        for (String key : new String[] {SERVICE, QUEUE_ID, TELEMETRY_ID}) {
            String v = mdc == null ? null : mdc.get(key);
            if (v == null) {
                v = defaults.get(key);
            }
            if (v == null) {
                v = process.get(key);
            }
            if (v != null) {
                f.put(key, v);
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            f.put("exception", ThrowableProxyUtil.asString(thrown));
        }
        if (mdc != null) {
            mdc.forEach(f::putIfAbsent);
        }
        return f;
    }

    static Map<String, String> ids(String service, String queueId, String telemetryId) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, SERVICE, service);
        put(m, QUEUE_ID, queueId);
        put(m, TELEMETRY_ID, telemetryId);
        return Map.copyOf(m);
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.trim());
        }
    }
}
