package io.streamforge.runtime.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * A real TCP server on loopback that speaks the Forward protocol v1 the way Fluent-bit's forward
 * input does: it decodes Message ({@code [tag, time, record, option?]}), Forward ({@code [tag,
 * [[time, record], ...], option?]}) and PackedForward ({@code [tag, bin, option?]}) messages, with
 * time as an integer or EventTime (ext type 0), and answers {@code {"ack": chunk}} when the option
 * carries a chunk (unless acks are switched off to simulate a peer that never acknowledges).
 */
final class FakeFluentBit implements AutoCloseable {
    record Received(String tag, Instant time, Map<String, String> record) {}

    private final ServerSocket server;
    private final boolean acks;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();

    FakeFluentBit(int port, boolean acks) throws IOException {
        this.acks = acks;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread t = new Thread(this::acceptLoop, "fake-fluent-bit-accept");
        t.setDaemon(true);
        t.start();
    }

    static FakeFluentBit start() throws IOException {
        return new FakeFluentBit(0, true);
    }

    /**
     * Binds {@code port} again, retrying while the old server's connections still hold it (Linux
     * refuses the bind until the client side of a closed connection is closed too).
     */
    static FakeFluentBit restartOn(int port, boolean acks) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return new FakeFluentBit(port, acks);
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /** A port that was free a moment ago (nothing listens on it). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return server.getLocalPort();
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<Received> received(Predicate<Received> filter) {
        return received().stream().filter(filter).toList();
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    int connectionCount() {
        return connections.size();
    }

    /** Waits until at least {@code n} records match; returns them (fewer on timeout). */
    List<Received> await(Predicate<Received> filter, int n, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> got = received(filter);
        while (got.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
            got = received(filter);
        }
        return got;
    }

    /**
     * Stops listening and closes every connection. Waits for the connection threads: a socket
     * closed while its thread is blocked reading is really closed (FIN sent) only once that read
     * returns.
     */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
        for (Thread t : handlers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.add(s);
                Thread t = new Thread(() -> serve(s), "fake-fluent-bit-conn");
                t.setDaemon(true);
                handlers.add(t);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s;
                MessageUnpacker in = MessagePack.newDefaultUnpacker(s.getInputStream())) {
            OutputStream out = s.getOutputStream();
            while (in.hasNext()) {
                String chunk = readMessage(in);
                if (chunk != null && acks) {
                    out.write(ack(chunk));
                    out.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!server.isClosed()) {
                errors.add(e.toString());
            }
        }
    }

    /** Decodes one message, stores its records and returns the chunk id of its option, if any. */
    private String readMessage(MessageUnpacker in) throws IOException {
        int size = in.unpackArrayHeader();
        String tag = in.unpackString();
        ValueType next = in.getNextFormat().getValueType();
        int optionIndex;
        if (next == ValueType.ARRAY) {
            int entries = in.unpackArrayHeader();
            for (int i = 0; i < entries; i++) {
                readEntry(tag, in, in.unpackArrayHeader());
            }
            optionIndex = 2;
        } else if (next == ValueType.STRING || next == ValueType.BINARY) {
            int len =
                    next == ValueType.STRING ? in.unpackRawStringHeader() : in.unpackBinaryHeader();
            try (MessageUnpacker packed = MessagePack.newDefaultUnpacker(in.readPayload(len))) {
                while (packed.hasNext()) {
                    readEntry(tag, packed, packed.unpackArrayHeader());
                }
            }
            optionIndex = 2;
        } else {
            readEntry(tag, in, 2);
            optionIndex = 3;
        }
        return size > optionIndex ? chunkOf(in) : null;
    }

    private void readEntry(String tag, MessageUnpacker in, int size) throws IOException {
        if (size != 2) {
            throw new IOException("entry of size " + size);
        }
        Instant time = readTime(in);
        int n = in.unpackMapHeader();
        Map<String, String> record = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            record.put(in.unpackString(), in.unpackValue().toString());
        }
        received.add(new Received(tag, time, record));
    }

    private static Instant readTime(MessageUnpacker in) throws IOException {
        MessageFormat f = in.getNextFormat();
        if (f.getValueType() == ValueType.INTEGER) {
            return Instant.ofEpochSecond(in.unpackLong());
        }
        var ext = in.unpackExtensionTypeHeader();
        if (ext.getType() != 0 || ext.getLength() != 8) {
            throw new IOException("not an EventTime: " + ext);
        }
        ByteBuffer b = ByteBuffer.wrap(in.readPayload(8));
        return Instant.ofEpochSecond(Integer.toUnsignedLong(b.getInt()), b.getInt());
    }

    private static String chunkOf(MessageUnpacker in) throws IOException {
        int n = in.unpackMapHeader();
        String chunk = null;
        for (int i = 0; i < n; i++) {
            String key = in.unpackString();
            if (key.equals("chunk")) {
                chunk = in.unpackString();
            } else {
                in.skipValue();
            }
        }
        return chunk;
    }

    private static byte[] ack(String chunk) throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(1);
            p.packString("ack");
            p.packString(chunk);
            return p.toByteArray();
        }
    }
}
