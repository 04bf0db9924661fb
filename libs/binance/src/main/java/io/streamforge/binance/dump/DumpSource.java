package io.streamforge.binance.dump;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TransientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where dump archives come from: data.binance.vision (or a mirror) over HTTP, or a local folder
 * with the same relative paths ({@code data/spot/daily/klines/BTCUSDT/1m/...}).
 */
public interface DumpSource {
    /** Opens the file, or empty when it does not exist (HTTP 404 / no such file). */
    Optional<InputStream> open(String relativePath);

    /** The file on local disk when the source is a folder (no copy needed), else empty. */
    default Optional<Path> localPath(String relativePath) {
        return Optional.empty();
    }

    String describe();

    static DumpSource folder(Path root) {
        Path base = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        return new DumpSource() {
            @Override
            public Optional<InputStream> open(String relativePath) {
                Optional<Path> p = localPath(relativePath);
                if (p.isEmpty()) return Optional.empty();
                try {
                    return Optional.of(Files.newInputStream(p.get()));
                } catch (IOException e) {
                    throw new UncheckedIOException("dump " + p.get() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public Optional<Path> localPath(String relativePath) {
                Path p = base.resolve(relativePath).normalize();
                if (!p.startsWith(base)) {
                    throw new IllegalArgumentException(
                            "dump path escapes the folder: " + relativePath);
                }
                return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
            }

            @Override
            public String describe() {
                return base.toString();
            }
        };
    }

    /** {@code https://data.binance.vision} or a mirror; 404 = missing, 5xx/429 = transient. */
    static DumpSource http(String baseUrl, Duration timeout) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("dump baseUrl: expected http(s)://, got " + baseUrl);
        }
        HttpClient http =
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        return new DumpSource() {
            @Override
            public Optional<InputStream> open(String relativePath) {
                URI uri = URI.create(base + "/" + relativePath);
                HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
                HttpResponse<InputStream> resp;
                try {
                    resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                } catch (IOException e) {
                    throw new TransientException("dump GET " + uri + ": " + e, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted during GET " + uri, e);
                }
                int status = resp.statusCode();
                if (status == 200) {
                    return Optional.of(resp.body());
                }
                closeQuietly(resp.body());
                if (status == 404) {
                    return Optional.empty();
                }
                String msg = "dump GET " + uri + " answered HTTP " + status;
                if (status >= 500 || status == 429 || status == 408) {
                    throw new TransientException(msg, null);
                }
                throw new PermanentException(msg);
            }

            @Override
            public String describe() {
                return base;
            }
        };
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do: the body was not wanted
        }
    }
}
