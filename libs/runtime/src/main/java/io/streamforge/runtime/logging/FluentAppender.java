package io.streamforge.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.HashMap;
import java.util.Map;

/**
 * Logback appender that turns every event into a {@link LogRecord} (the {@link LogFields}:
 * timestamp, level, logger, thread, message, service, queue_id, telemetry_id, exception, then the
 * MDC entries) and hands it to a {@link ForwardSender}. Appending never blocks: a full queue drops
 * the event and counts it.
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

    /** The record for one event: the {@link LogFields}, MDC ids before the appender's own. */
    static LogRecord toRecord(ILoggingEvent event, String service, String queueId) {
        Map<String, String> defaults = new HashMap<>();
        if (service != null) {
            defaults.put(LogFields.SERVICE, service);
        }
        if (queueId != null) {
            defaults.put(LogFields.QUEUE_ID, queueId);
        }
        return LogRecord.of(event.getInstant(), LogFields.of(event, defaults));
    }
}
