package io.streamforge.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal WebSocket server on 127.0.0.1 that writes PRE-ENCODED combined-stream aggTrade text
 * frames ({@code {"stream":"btcusdt@aggTrade","data":{...}}}) to each connection as fast as TCP
 * lets it: no market model, no JSON generation at run time. The frames of one chunk are encoded
 * once up front with fixed-width 13-digit ids; after each pass over the chunk only the id digits
 * ({@code a}, {@code f}, {@code l}) are patched in place so ids keep increasing (the feed drops
 * repeated ids). A client that connects with {@code ?streams=} gets frames at once; one that
 * connects to {@code /stream} gets them after its first SUBSCRIBE, which is acknowledged.
 */
final class FrameBlaster implements AutoCloseable {
    static final int FRAMES_PER_CHUNK = 32_768;
    private static final long ID_BASE = 1_000_000_000_000L; // 13 digits
    private static final long TIME_US = 1_709_251_200_000_000L; // 2024-03-01T00:00:00Z
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicLong framesSent = new AtomicLong();
    private volatile boolean closed;

    private FrameBlaster(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "frame-blaster-accept");
        acceptor.setDaemon(true);
    }

    static FrameBlaster start() {
        try {
            FrameBlaster b =
                    new FrameBlaster(new ServerSocket(0, 16, InetAddress.getLoopbackAddress()));
            b.acceptor.start();
            return b;
        } catch (IOException e) {
            throw new IllegalStateException("frame blaster: cannot listen: " + e, e);
        }
    }

    String wsBaseUrl() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    long framesSent() {
        return framesSent.get();
    }

    /** One frame's JSON payload with aggTrade id {@code id} (13 digits). */
    static String payload(long id) {
        String a = Long.toString(ID_BASE + id);
        return "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":"
                + TIME_US
                + ",\"s\":\"BTCUSDT\",\"a\":"
                + a
                + ",\"p\":\"62345.67000000\",\"q\":\"0.01234000\",\"f\":"
                + a
                + ",\"l\":"
                + a
                + ",\"T\":"
                + TIME_US
                + ",\"m\":false,\"M\":true}}";
    }

    /** A chunk of {@link #FRAMES_PER_CHUNK} encoded server text frames; all have one length. */
    static final class Chunk {
        final byte[] bytes;
        final int frameLength;
        final int[] idOffsets; // offsets of the a, f, l digits inside one frame

        Chunk() {
            byte[] p = payload(0).getBytes(StandardCharsets.US_ASCII);
            if (p.length < 126 || p.length > 65_535) {
                throw new IllegalStateException("payload length " + p.length);
            }
            frameLength = 4 + p.length;
            String text = new String(p, StandardCharsets.US_ASCII);
            String digits = Long.toString(ID_BASE);
            int a = text.indexOf(digits);
            int f = text.indexOf(digits, a + 1);
            int l = text.indexOf(digits, f + 1);
            idOffsets = new int[] {4 + a, 4 + f, 4 + l};
            bytes = new byte[frameLength * FRAMES_PER_CHUNK];
            for (int i = 0; i < FRAMES_PER_CHUNK; i++) {
                int at = i * frameLength;
                bytes[at] = (byte) 0x81; // FIN + text
                bytes[at + 1] = 126;
                bytes[at + 2] = (byte) (p.length >>> 8);
                bytes[at + 3] = (byte) p.length;
                System.arraycopy(p, 0, bytes, at + 4, p.length);
            }
        }

        /** Patches the ids of frame i to {@code ID_BASE + firstId + i}. */
        void number(long firstId) {
            for (int i = 0; i < FRAMES_PER_CHUNK; i++) {
                long v = ID_BASE + firstId + i;
                int at = i * frameLength;
                for (int off : idOffsets) {
                    long x = v;
                    for (int d = off + 12; d >= off; d--) {
                        bytes[at + d] = (byte) ('0' + (x % 10));
                        x /= 10;
                    }
                }
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "frame-blaster-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(false);
            s.setSendBufferSize(1 << 20);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            String request = readHeaders(in);
            out.write(handshake(request));
            out.flush();
            if (!request.contains("streams=")) {
                long id = readSubscribeId(in);
                out.write(textFrame("{\"result\":null,\"id\":" + id + "}"));
                out.flush();
            }
            drainInBackground(in);
            blast(out);
        } catch (IOException e) {
            // client went away: the normal end of a run
        }
    }

    private void blast(OutputStream out) throws IOException {
        Chunk chunk = new Chunk();
        long next = 1;
        while (!closed) {
            chunk.number(next);
            out.write(chunk.bytes);
            next += FRAMES_PER_CHUNK;
            framesSent.addAndGet(FRAMES_PER_CHUNK);
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.lastIndexOf("\r\n\r\n") == sb.length() - 4) {
                return sb.toString();
            }
        }
        throw new IOException("connection closed during handshake");
    }

    private static byte[] handshake(String request) throws IOException {
        Matcher m = Pattern.compile("(?im)^sec-websocket-key:\\s*(\\S+)\\s*$").matcher(request);
        if (!m.find()) {
            throw new IOException("no Sec-WebSocket-Key");
        }
        String accept;
        try {
            byte[] sha =
                    MessageDigest.getInstance("SHA-1")
                            .digest((m.group(1) + GUID).getBytes(StandardCharsets.US_ASCII));
            accept = Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: "
                        + accept
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads client frames until a text frame with an {@code "id"}; returns that id. */
    private static long readSubscribeId(InputStream in) throws IOException {
        while (true) {
            byte[] payload = readClientFrame(in);
            Matcher m = ID.matcher(new String(payload, StandardCharsets.UTF_8));
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
    }

    private static byte[] readClientFrame(InputStream in) throws IOException {
        readByte(in); // FIN + opcode: only text frames are expected before the blast
        int b1 = readByte(in);
        long len = b1 & 0x7f;
        if (len == 126) {
            len = (readByte(in) << 8) | readByte(in);
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) len = (len << 8) | readByte(in);
        }
        byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
        byte[] p = in.readNBytes((int) len);
        for (int i = 0; i < p.length; i++) p[i] ^= mask[i & 3];
        return p;
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) throw new IOException("eof");
        return b;
    }

    private static byte[] textFrame(String text) {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[2 + p.length];
        f[0] = (byte) 0x81;
        f[1] = (byte) p.length; // control replies are < 126 bytes
        System.arraycopy(p, 0, f, 2, p.length);
        return f;
    }

    /** Reads and drops what the client sends (pings, pongs, close) so it never blocks. */
    private static void drainInBackground(InputStream in) {
        Thread t =
                new Thread(
                        () -> {
                            byte[] buf = new byte[4096];
                            try {
                                while (in.read(buf) >= 0) {
                                    // discard
                                }
                            } catch (IOException e) {
                                // closed
                            }
                        },
                        "frame-blaster-drain");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
