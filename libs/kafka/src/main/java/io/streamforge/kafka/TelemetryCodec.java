package io.streamforge.kafka;

import java.io.IOException;

/** JSON codec of control commands and telemetry events; errors name the problem. */
public final class TelemetryCodec {
    private TelemetryCodec() {}

    public static byte[] encode(Object commandOrEvent) {
        try {
            return Json.MAPPER.writeValueAsBytes(commandOrEvent);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + commandOrEvent, e);
        }
    }

    public static TelemetryEvent decodeEvent(byte[] bytes) {
        return decode(bytes, TelemetryEvent.class);
    }

    public static ControlCommand decodeCommand(byte[] bytes) {
        return decode(bytes, ControlCommand.class);
    }

    private static <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return Json.MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new InvalidRecordException(
                    "invalid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
