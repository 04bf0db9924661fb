package io.streamforge.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Keycloak for tests: the {@code org.keycloak:keycloak-quarkus-dist} zip (system property
 * {@code keycloak.zip}, set by the module's failsafe configuration to the file in the local Maven
 * repository) unpacked under {@code target/}, started in dev mode on free loopback ports with a
 * realm file imported. A missing zip skips the test, except under {@code CI=true} where it fails.
 * The child runs on {@code KEYCLOAK_JAVA_HOME} when set, else on the test's own JDK.
 */
public final class KeycloakServer implements AutoCloseable {
    private static final String ADMIN = "sf-test-admin";
    private final Process process;
    private final int port;
    private final Path log;
    private final String adminPassword;

    private KeycloakServer(Process process, int port, Path log, String adminPassword) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.adminPassword = adminPassword;
    }

    /** Starts Keycloak with {@code realmFile} imported and waits until {@code realm} answers. */
    public static KeycloakServer start(Path realmFile, String realm, Path workDir)
            throws IOException, InterruptedException {
        Path home = unpacked(workDir);
        Path data = home.resolve("data");
        deleteTree(data.resolve("h2")); // a fresh realm every run
        Files.createDirectories(data.resolve("import"));
        Files.copy(
                realmFile,
                data.resolve("import").resolve(realmFile.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/kc.sh").toString());
        cmd.add("start-dev");
        cmd.add("--http-port=" + port);
        cmd.add("--http-management-port=" + freePort());
        cmd.add("--hostname=http://127.0.0.1:" + port);
        cmd.add("--import-realm");
        Path log = workDir.resolve("keycloak.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        String javaHome = System.getenv("KEYCLOAK_JAVA_HOME");
        pb.environment()
                .put("JAVA_HOME", javaHome != null ? javaHome : System.getProperty("java.home"));
        String adminPassword = java.util.UUID.randomUUID().toString();
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        KeycloakServer kc = new KeycloakServer(pb.start(), port, log, adminPassword);
        kc.awaitRealm(realm, Duration.ofMinutes(5));
        return kc;
    }

    /** {@code http://127.0.0.1:<port>/realms/<realm>}: the issuer of the realm's tokens. */
    public String issuer(String realm) {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    public int port() {
        return port;
    }

    /**
     * Sets one attribute of a client through the admin REST API (e.g. {@code access.token.lifespan}
     * to get tokens that expire at once).
     */
    public void setClientAttribute(String realm, String clientId, String key, String value)
            throws IOException, InterruptedException {
        updateClient(realm, clientId, "{\"attributes\":{\"" + key + "\":\"" + value + "\"}}");
    }

    /**
     * Updates a client with a partial representation (only the fields given change), e.g. {@code
     * {"webOrigins":["http://127.0.0.1:4711"]}} for a UI on a free port.
     */
    public void updateClient(String realm, String clientId, String body)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> token =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                base
                                                        + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "grant_type=password&client_id=admin-cli&username="
                                                        + ADMIN
                                                        + "&password="
                                                        + adminPassword))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String admin = field(token.body(), "access_token");
        String clients = base + "/admin/realms/" + realm + "/clients";
        HttpResponse<String> found =
                http.send(
                        HttpRequest.newBuilder(URI.create(clients + "?clientId=" + clientId))
                                .header("Authorization", "Bearer " + admin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String id = field(found.body(), "id");
        HttpResponse<String> put =
                http.send(
                        HttpRequest.newBuilder(URI.create(clients + "/" + id))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 204) {
            throw new IOException("client update: " + put.statusCode() + " " + put.body());
        }
    }

    private static String field(String json, String name) throws IOException {
        var m =
                java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"")
                        .matcher(json);
        if (!m.find()) {
            throw new IOException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private void awaitRealm(String realm, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create(issuer(realm) + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> res =
                        http.send(
                                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding());
                if (res.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        fail("Keycloak did not serve realm " + realm + " within " + timeout + "; see " + log);
    }

    /** The dist unpacked under {@code workDir} (once); skips or fails when there is no zip. */
    static Path unpacked(Path workDir) throws IOException {
        String zip = System.getProperty("keycloak.zip");
        boolean present = zip != null && Files.isRegularFile(Path.of(zip));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI: the Keycloak dist zip is required (keycloak.zip=" + zip + ")");
        }
        Assumptions.assumeTrue(present, "no Keycloak dist at " + zip + ": skipped");
        Path target = workDir.resolve("keycloak");
        Path marker = target.resolve(".unpacked-" + Path.of(zip).getFileName());
        if (Files.exists(marker)) {
            return home(target);
        }
        deleteTree(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of(zip)))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path home = home(target);
        try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
            bin.filter(p -> p.toString().endsWith(".sh"))
                    .forEach(p -> p.toFile().setExecutable(true));
        }
        Files.createFile(marker);
        return home;
    }

    private static Path home(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> Files.isDirectory(p.resolve("bin")))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no keycloak-*/bin under " + target));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Ends the Keycloak JVM and the script that started it. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For a failed test's message. */
    public String logTail() {
        try (InputStream in = Files.newInputStream(log)) {
            String all = new String(in.readAllBytes());
            return all.substring(Math.max(0, all.length() - 4000));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
