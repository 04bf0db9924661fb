package io.streamforge.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Logback encoder of the stdout JSON logs ({@code LOG_FORMAT=json}, see {@code logback.xml}): one
 * flat JSON object per line with the {@link LogFields} — the same fields, same names as the records
 * sent to Fluent-bit, so {@code jq 'select(.queue_id == "…")'} and a Kibana filter read alike.
 * Replaces Logback's {@code JsonEncoder}, which nests the MDC under {@code "mdc"} and cannot add
 * the process's ids.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NONE = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        try {
            String line = JSON.writeValueAsString(LogFields.of(event, Map.of())) + "\n";
            return line.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // a map of strings always serialises; keep the event rather than lose it
            return ("{\"message\":\"unencodable log event\"}\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
