package io.streamforge.binance.dump;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A local data.binance.vision mirror for tests: writes archives (zip with one CSV) and {@code
 * sha256sum}-format CHECKSUM files, and can serve the folder over a real JDK HttpServer.
 */
final class DumpMirror implements AutoCloseable {
    final Path root;
    final AtomicInteger failNext5xx = new AtomicInteger();
    private HttpServer server;

    DumpMirror(Path root) {
        this.root = root;
    }

    Path write(DumpFile f, String csv) throws Exception {
        Path zip = root.resolve(f.relativePath());
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry(f.fileName().replace(".zip", ".csv")));
            z.write(csv.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip));
        Files.writeString(
                root.resolve(f.checksumPath()),
                HexFormat.of().formatHex(digest) + "  " + f.fileName() + "\n");
        return zip;
    }

    String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                ex -> {
                    try (ex) {
                        if (failNext5xx.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            ex.sendResponseHeaders(503, -1);
                            return;
                        }
                        Path p =
                                root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
                        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
                            byte[] body = "<Error><Code>NoSuchKey</Code></Error>".getBytes();
                            ex.sendResponseHeaders(404, body.length);
                            ex.getResponseBody().write(body);
                            return;
                        }
                        ex.sendResponseHeaders(200, Files.size(p));
                        try (OutputStream os = ex.getResponseBody()) {
                            Files.copy(p, os);
                        }
                    }
                });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
    }
}
