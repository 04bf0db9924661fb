package io.streamforge.app.rehearse;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.ExtensionValue;
import org.msgpack.value.MapValue;
import org.msgpack.value.Value;

/**
 * Fluent-bit's place in the rehearsal: a Fluent Forward (protocol v1) receiver on a free loopback
 * port. It reads Forward mode {@code [tag, [[time, record], ...], option]} (as libs/runtime's
 * ForwardEncoder writes it) and Message mode {@code [tag, time, record(, option)]}, answers {@code
 * {"ack": chunk}} when the option carries a chunk, and counts records per tag and UTC day. Any
 * other message is skipped and counted; bytes that are not msgpack close that connection only.
 */
final class ForwardReceiver implements AutoCloseable {
    /** Records of one tag whose time falls on one UTC day ({@code epochDay}). */
    record TagDay(String tag, long epochDay) {}

    private final ServerSocket server;
    private final Map<TagDay, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong badConnections = new AtomicLong();
    private final java.util.Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private ForwardReceiver(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::accept, "forward-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ForwardReceiver start() {
        try {
            return new ForwardReceiver(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Forward receiver's port", e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Records received so far, per tag and UTC day, sorted. */
    Map<TagDay, Long> counts() {
        Map<TagDay, Long> out =
                new TreeMap<>(
                        java.util.Comparator.comparing(TagDay::tag)
                                .thenComparingLong(TagDay::epochDay));
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Messages that were neither Forward nor Message mode. */
    long skipped() {
        return skipped.get();
    }

    /** Connections closed because their bytes were not msgpack. */
    long badConnections() {
        return badConnections.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "forward-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    badConnections.incrementAndGet();
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s;
                MessageUnpacker in = MessagePack.newDefaultUnpacker(s.getInputStream());
                OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
            while (!closed && in.hasNext()) {
                String chunk = handle(in.unpackValue());
                if (chunk != null) {
                    out.write(ack(chunk));
                    out.flush();
                }
            }
        } catch (IOException | MessagePackException e) {
            if (!closed) {
                badConnections.incrementAndGet();
            }
        } finally {
            open.remove(s);
        }
    }

    /** Counts one message's records; returns the chunk to acknowledge, or null. */
    String handle(Value message) {
        if (!message.isArrayValue() || message.asArrayValue().size() < 2) {
            skipped.incrementAndGet();
            return null;
        }
        List<Value> parts = message.asArrayValue().list();
        if (!parts.get(0).isStringValue()) {
            skipped.incrementAndGet();
            return null;
        }
        String tag = parts.get(0).asStringValue().asString();
        Value option;
        if (parts.get(1).isArrayValue()) {
            for (Value entry : parts.get(1).asArrayValue()) {
                ArrayValue e = entry.isArrayValue() ? entry.asArrayValue() : null;
                if (e == null || e.size() < 2 || !count(tag, e.get(0), e.get(1))) {
                    skipped.incrementAndGet();
                }
            }
            option = parts.size() > 2 ? parts.get(2) : null;
        } else if (parts.size() >= 3 && count(tag, parts.get(1), parts.get(2))) {
            option = parts.size() > 3 ? parts.get(3) : null;
        } else {
            skipped.incrementAndGet();
            return null;
        }
        return chunk(option);
    }

    private boolean count(String tag, Value time, Value record) {
        Long seconds = seconds(time);
        if (seconds == null || !record.isMapValue()) {
            return false;
        }
        counts.computeIfAbsent(
                        new TagDay(tag, Math.floorDiv(seconds, 86_400L)), k -> new AtomicLong())
                .incrementAndGet();
        return true;
    }

    /** EventTime (extension 0: seconds, nanoseconds as big-endian int32) or integer seconds. */
    private static Long seconds(Value time) {
        if (time.isIntegerValue()) {
            return time.asIntegerValue().toLong();
        }
        if (time.isExtensionValue()) {
            ExtensionValue ext = time.asExtensionValue();
            if (ext.getType() == 0 && ext.getData().length == 8) {
                return Integer.toUnsignedLong(ByteBuffer.wrap(ext.getData()).getInt());
            }
        }
        return null;
    }

    private static String chunk(Value option) {
        if (option == null || !option.isMapValue()) {
            return null;
        }
        MapValue map = option.asMapValue();
        for (Map.Entry<Value, Value> e : map.entrySet()) {
            if (e.getKey().isStringValue()
                    && e.getKey().asStringValue().asString().equals("chunk")
                    && e.getValue().isStringValue()) {
                return e.getValue().asStringValue().asString();
            }
        }
        return null;
    }

    private static byte[] ack(String chunk) throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(1).packString("ack").packString(chunk);
            return p.toByteArray();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing the rest
            }
        }
    }
}
