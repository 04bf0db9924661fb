package io.streamforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.streamforge.app.ApiClient;
import io.streamforge.app.LocalPlatform;
import io.streamforge.app.PlatformFixture;
import io.streamforge.app.TelemetryLog;
import io.streamforge.runtime.logging.FluentForwarding;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A pipeline on the secured platform (Kafka SASL_SSL + SCRAM with the chart's ACLs, PostgreSQL TLS,
 * the API and the UI requiring OIDC tokens of an issuer served in the test — {@link
 * OidcTestIssuer}; the pipeline is started with a signed {@code operator} token, a start or a UI
 * data call without one gets 401): every log event (Logback, with stack traces), everything written
 * to stdout, the Fluent Forward stream (a raw TCP receiver standing in for Fluent-bit, acks off),
 * every record of {@code queue-events} and the API's answers are scanned for every secret of the
 * run — each Kafka user's password, the broker admin's, the S3 keys, the private keys of the TLS
 * servers, the bearer token and the private parts of the issuer's signing key. See {@link LeakScan}
 * to add sources or secrets.
 */
class SecretsNeverLoggedIT {
    @Test
    void noSecretAppearsInLogsForwardedLogsTelemetryOrApiAnswers() throws Exception {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        events.start();
        root.addAppender(events);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(new TeeStream(originalOut, stdout), true));
        LeakScan scan = new LeakScan();
        try (RawReceiver fluent = new RawReceiver();
                FluentForwarding forwarding =
                        FluentForwarding.installIfConfigured(
                                        Map.of(
                                                "FLUENT_HOST", "127.0.0.1",
                                                "FLUENT_PORT", String.valueOf(fluent.port()),
                                                "FLUENT_ACK", "false"),
                                        "secrets-it")
                                .orElseThrow();
                OidcTestIssuer issuer = new OidcTestIssuer();
                LocalPlatform platform = SecuredPlatform.start(Map.of(), issuer.settings())) {
            String pipeline =
                    PlatformFixture.pipeline(
                            SecuredPlatform.SYMBOLS.subList(0, 2), "2024-06-01:2024-06-01");
            assertThat(new ApiClient(platform.apiUrl()).post("/queues/start-pipeline", pipeline))
                    .as("a start without a token")
                    .extracting(ApiClient.Answer::status)
                    .isEqualTo(401);
            String token = issuer.token(List.of("operator"));
            ApiClient api = new ApiClient(platform.apiUrl(), token);
            var created = api.post("/queues/start-pipeline", pipeline);
            assertThat(created.status()).isEqualTo(201);
            String queueId = created.body().get("queue_id").asText();
            var end = PlatformFixture.awaitEnd(api, queueId, Duration.ofMinutes(4));
            assertThat(end.get("status").asText()).isEqualTo("finished");
            assertThat(new ApiClient(platform.visualizerUrl()).get("/api/queues").status())
                    .as("the UI's data without a token")
                    .isEqualTo(401);
            var ui = new ApiClient(platform.visualizerUrl(), token).get("/api/queues");
            assertThat(ui.status()).as("the UI relays the caller's token").isEqualTo(200);
            assertThat(ui.body().toString()).contains(queueId);
            String answers = end + api.get("/queues").body().toString() + ui.body();
            forwarding.flush(Duration.ofSeconds(10));

            Path dataDir = platform.kafka().dataDir().getParent();
            secretsOf(dataDir).forEach(scan::secret);
            scan.secret("oidc-token", token)
                    .secret("oidc-token signature", token.substring(token.lastIndexOf('.') + 1));
            issuer.privateParts().forEach(scan::secret);
            byte[] telemetry = telemetry(platform);
            scan.text("api", () -> answers)
                    .source("queue-events", () -> telemetry)
                    .source("stdout", stdout::toByteArray)
                    .text("logback", () -> render(events))
                    .source("fluent-forward", fluent::bytes);
            Map<String, Integer> sizes = scan.assertNoSecretLeaked();
            assertThat(sizes)
                    .allSatisfy((source, size) -> assertThat(size).as(source).isPositive());
            assertThat(new String(fluent.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as("the receiver saw the forwarded log records")
                    .contains("internal.secrets-it");
            assertThat(scan.labels())
                    .contains(
                            "kafka-admin-password",
                            "kafka-password-streamforge-loader-api-candles",
                            "kafka-password-streamforge-queue-manager",
                            "postgres-password",
                            "s3-secret-key",
                            "kafka.key line 1",
                            "postgres.key line 1",
                            "oidc-token",
                            "oidc-key d");
        } finally {
            System.setOut(originalOut);
            root.detachAppender(events);
        }
    }

    /**
     * label -> value: every password/key file of the run and each line of the servers' private
     * keys. The S3 access key is an identifier, not a secret (AWS logs key ids; the embedded S3's
     * is the word "streamforge"): only the S3 secret key is scanned for.
     */
    static Map<String, String> secretsOf(Path dataDir) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(dataDir.resolve("secrets"))) {
            files.filter(p -> !p.getFileName().toString().equals("s3-access-key"))
                    .forEach(p -> out.put(p.getFileName().toString(), read(p).strip()));
        }
        try (Stream<Path> keys = Files.list(dataDir.resolve("tls"))) {
            for (Path k : keys.filter(p -> p.toString().endsWith(".key")).toList()) {
                List<String> lines = read(k).lines().filter(l -> !l.startsWith("-----")).toList();
                for (int i = 0; i < lines.size(); i++) {
                    out.put(k.getFileName() + " line " + (i + 1), lines.get(i));
                }
            }
        }
        return out;
    }

    private static byte[] telemetry(LocalPlatform platform) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TelemetryLog.records(platform.adminKafka()).forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static String render(ListAppender<ILoggingEvent> appender) {
        List<ILoggingEvent> list;
        synchronized (appender) { // appends lock the appender; other threads may still log
            list = List.copyOf(appender.list);
        }
        StringBuilder b = new StringBuilder();
        for (ILoggingEvent e : list) {
            b.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                b.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
            b.append(e.getMDCPropertyMap()).append('\n');
        }
        return b.toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes to two streams. */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final ByteArrayOutputStream b;

        TeeStream(java.io.OutputStream a, ByteArrayOutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            synchronized (b) {
                b.write(x);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }
    }

    /** A TCP server on loopback keeping every byte it receives (a Fluent-bit stand-in, no acks). */
    static final class RawReceiver implements AutoCloseable {
        private final ServerSocket server;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final Thread acceptor;

        RawReceiver() throws java.io.IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::acceptLoop, "raw-fluent-receiver");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        byte[] bytes() {
            synchronized (received) {
                return received.toByteArray();
            }
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> drain(s), "raw-fluent-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (java.io.IOException e) {
                    return;
                }
            }
        }

        private void drain(Socket s) {
            byte[] buf = new byte[8192];
            try (s;
                    InputStream in = s.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (received) {
                        received.write(buf, 0, n);
                    }
                }
            } catch (java.io.IOException e) {
                // connection closed by the sender
            }
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
        }
    }
}
