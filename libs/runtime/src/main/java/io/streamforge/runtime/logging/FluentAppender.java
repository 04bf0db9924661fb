package io.streamforge.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logback appender that turns every event into a {@link LogRecord} (fields timestamp, level,
 * logger, thread, message, service, queue_id, exception, then the MDC entries) and hands it to a
 * {@link ForwardSender}. Appending never blocks: a full queue drops the event and counts it.
 */
public final class FluentAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final ForwardSender sender;
    private final String service;
    private final String queueId;

    public FluentAppender(ForwardSender sender, String service, String queueId) {
        this.sender = sender;
        this.service = service;
        this.queueId = queueId;
    }

    @Override
    protected void append(ILoggingEvent event) {
        sender.offer(toRecord(event, service, queueId));
    }

    /** The record for one event; MDC {@code queue_id} wins over the default queue id. */
    static LogRecord toRecord(ILoggingEvent event, String service, String queueId) {
        Instant time = event.getInstant();
        Map<String, String> f = new LinkedHashMap<>();
        f.put(
                "timestamp",
                DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS)));
        f.put("level", event.getLevel().toString());
        f.put("logger", event.getLoggerName());
        f.put("thread", event.getThreadName());
        f.put("message", event.getFormattedMessage());
        f.put("service", service);
        Map<String, String> mdc = event.getMDCPropertyMap();
        String queue = mdc == null ? null : mdc.get("queue_id");
        if (queue == null) {
            queue = queueId;
        }
        if (queue != null) {
            f.put("queue_id", queue);
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            f.put("exception", ThrowableProxyUtil.asString(thrown));
        }
        if (mdc != null) {
            mdc.forEach(f::putIfAbsent);
        }
        return LogRecord.of(time, f);
    }
}
