package io.streamforge.embedded;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible object store (S3Proxy with its filesystem blob store) on a free port of
 * 127.0.0.1. Buckets are folders under {@code <dataDir>/blobs}; objects are files. Clients sign
 * requests (AWS signature v2 or v4) with the fixed {@link #accessKey()} / {@link #secretKey()} and
 * must use path-style access ({@code http://127.0.0.1:<port>/<bucket>/<key>}).
 *
 * <p>{@link #start(Path)} keeps its folder (local mode keeps models between runs); {@link #start()}
 * uses a temporary folder that {@link #close()} deletes. Development and test use only: fixed
 * credentials, plain HTTP, loopback only.
 */
public final class EmbeddedS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "streamforge";
    public static final String SECRET_KEY = "streamforge-secret";
    public static final String REGION = "us-east-1";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);
    private static final int START_ATTEMPTS = 3;

    private final S3Proxy proxy;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int port;
    private boolean closed;

    private EmbeddedS3(S3Proxy proxy, Path dataDir, boolean deleteOnClose, int port) {
        this.proxy = proxy;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
    }

    /** Starts a throw-away store whose data lives in a temporary folder deleted by close(). */
    public static EmbeddedS3 start() {
        return start(Folders.temp("streamforge-s3-", "S3"), true);
    }

    /** Starts a store whose objects live under {@code dataDir/blobs}; kept on close. */
    public static EmbeddedS3 start(Path dataDir) {
        return start(dataDir, false);
    }

    private static EmbeddedS3 start(Path dataDir, boolean deleteOnClose) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path root = dataDir.toAbsolutePath();
        Path blobs = root.resolve("blobs");
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            int port = FreePorts.pick();
            S3Proxy proxy = null;
            try {
                Files.createDirectories(blobs);
                proxy =
                        S3Proxy.builder()
                                .blobStore(new FilesystemNio2BlobStore(blobs.toString()))
                                .endpoint(URI.create("http://127.0.0.1:" + port))
                                .awsAuthentication(
                                        AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                                .build();
                proxy.start();
                awaitStarted(proxy);
                LOG.info(
                        "S3 (S3Proxy) started on port {} with data in {} in {} ms",
                        port,
                        blobs,
                        (System.nanoTime() - t0) / 1_000_000);
                return new EmbeddedS3(proxy, root, deleteOnClose, port);
            } catch (Exception e) {
                stopQuietly(proxy);
                if (attempt < START_ATTEMPTS && FreePorts.isBindFailure(e)) {
                    LOG.warn("S3 port {} was taken meanwhile, retrying", port);
                    continue;
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException(
                        "cannot start embedded S3 in " + blobs + ": " + e, e);
            }
        }
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "S3Proxy not started after 30 s: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.debug("cannot stop S3Proxy after a failed start: {}", e.toString());
        }
    }

    /** {@code http://127.0.0.1:<port>} — use path-style access. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The fixed access key id. */
    public String accessKey() {
        return ACCESS_KEY;
    }

    /** The fixed secret access key. */
    public String secretKey() {
        return SECRET_KEY;
    }

    /** Region to configure in clients (the store accepts any). */
    public String region() {
        return REGION;
    }

    /** The folder given to start (objects under {@code blobs/<bucket>/<key>}). */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server; deletes the folder when it was a temporary one. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop embedded S3", e);
        } finally {
            if (deleteOnClose) {
                Folders.deleteRecursively(dataDir);
            }
        }
    }
}
