package io.streamforge.binance.ws;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal RFC 6455 server on a raw socket, for what Javalin cannot show: it sends server pings
 * and records the client's pongs (opcode 0xA) with their payloads. Acknowledges SUBSCRIBE.
 */
final class RawPingServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    final List<String> pings = new CopyOnWriteArrayList<>();
    final List<String> pongs = new CopyOnWriteArrayList<>();
    volatile boolean pinging = true;
    private final ServerSocket server;
    private final Thread acceptor;

    RawPingServer(long pingEveryMs) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor =
                new Thread(
                        () -> {
                            try {
                                while (!server.isClosed()) {
                                    Socket s = server.accept();
                                    Thread t =
                                            new Thread(() -> serve(s, pingEveryMs), "raw-ws-conn");
                                    t.setDaemon(true);
                                    t.start();
                                }
                            } catch (IOException closed) {
                                // server closed
                            }
                        },
                        "raw-ws-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    private void serve(Socket s, long pingEveryMs) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            String key = null;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.toLowerCase().startsWith("sec-websocket-key:"))
                    key = line.substring(18).trim();
            }
            String accept =
                    Base64.getEncoder()
                            .encodeToString(
                                    MessageDigest.getInstance("SHA-1")
                                            .digest(
                                                    (key + GUID)
                                                            .getBytes(StandardCharsets.US_ASCII)));
            synchronized (out) {
                out.write(
                        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                        + "Sec-WebSocket-Accept: "
                                        + accept
                                        + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
            }
            Thread pinger =
                    new Thread(
                            () -> {
                                try {
                                    for (int n = 0; !s.isClosed(); n++) {
                                        Thread.sleep(pingEveryMs);
                                        if (!pinging) continue;
                                        String payload = "p" + n;
                                        pings.add(payload);
                                        frame(out, 0x9, payload);
                                    }
                                } catch (IOException | InterruptedException e) {
                                    // connection gone
                                }
                            });
            pinger.setDaemon(true);
            pinger.start();
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long len = b1 & 0x7F;
                if (len == 126) len = in.readUnsignedShort();
                else if (len == 127) len = in.readLong();
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) in.readFully(mask);
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
                String text = new String(payload, StandardCharsets.UTF_8);
                int opcode = b0 & 0x0F;
                if (opcode == 0xA) pongs.add(text);
                if (opcode == 0x8) return;
                if (opcode == 0x1) {
                    Matcher m = ID.matcher(text);
                    if (m.find()) frame(out, 0x1, "{\"result\":null,\"id\":" + m.group(1) + "}");
                }
            }
        } catch (Exception e) {
            // client went away
        }
    }

    private static void frame(OutputStream out, int opcode, String text) throws IOException {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(0x80 | opcode);
            out.write(p.length); // < 126 in these tests
            out.write(p);
            out.flush();
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') sb.append((char) c);
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
