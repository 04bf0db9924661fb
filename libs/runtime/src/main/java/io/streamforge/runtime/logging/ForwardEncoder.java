package io.streamforge.runtime.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * Encodes batches in the Forward protocol v1 "Forward mode": {@code [tag, [[EventTime, record],
 * ...], option]} where {@code option} is {@code {"size": n}} or, when an acknowledgement is wanted,
 * {@code {"size": n, "chunk": id}}. EventTime is msgpack extension type 0 with the seconds and
 * nanoseconds as two big-endian 32-bit integers.
 */
final class ForwardEncoder {
    static final byte EVENT_TIME_TYPE = 0;

    private ForwardEncoder() {}

    /** One Forward-mode message; {@code chunkId} null means no acknowledgement is requested. */
    static byte[] encode(String tag, List<LogRecord> records, String chunkId) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packArrayHeader(3);
            p.packString(tag);
            p.packArrayHeader(records.size());
            for (LogRecord r : records) {
                p.packArrayHeader(2);
                p.packExtensionTypeHeader(EVENT_TIME_TYPE, 8);
                p.writePayload(
                        ByteBuffer.allocate(8)
                                .putInt((int) r.epochSecond())
                                .putInt(r.nanos())
                                .array());
                p.packMapHeader(r.fields().size());
                for (Map.Entry<String, String> e : r.fields().entrySet()) {
                    p.packString(e.getKey());
                    p.packString(e.getValue() == null ? "" : e.getValue());
                }
            }
            p.packMapHeader(chunkId == null ? 1 : 2);
            p.packString("size");
            p.packInt(records.size());
            if (chunkId != null) {
                p.packString("chunk");
                p.packString(chunkId);
            }
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("msgpack encoding failed", e);
        }
    }

    /**
     * Reads one acknowledgement {@code {"ack": id}} from the stream and returns the id; throws
     * {@link IOException} on anything else.
     */
    static String readAck(MessageUnpacker in) throws IOException {
        int entries = in.unpackMapHeader();
        String ack = null;
        for (int i = 0; i < entries; i++) {
            String key = in.unpackString();
            if (key.equals("ack")) {
                ack = in.unpackString();
            } else {
                in.skipValue();
            }
        }
        if (ack == null) {
            throw new IOException("response without 'ack' from fluent-bit");
        }
        return ack;
    }
}
