package io.streamforge.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Keycloak on loopback: the {@code org.keycloak:keycloak-quarkus-dist} zip unpacked under
 * {@code <workDir>/keycloak} (once: a second start in the same folder reuses it), {@code kc.sh
 * start-dev} on free ports ({@code --hostname=http://127.0.0.1:<port>}) with a realm file imported
 * into a fresh H2 database, a random bootstrap admin, output in {@code <workDir>/keycloak.log}. The
 * child runs on {@code KEYCLOAK_JAVA_HOME} when set, else on this JVM's Java; an {@link
 * OrphanGuard} stops it when this JVM ends without closing it (SIGKILL). Used by the ITs (through
 * testkit's {@code KeycloakZip}, which decides whether a missing zip skips) and by {@code
 * streamforge rehearse}.
 */
public final class KeycloakServer implements AutoCloseable {
    private static final String ADMIN = "sf-test-admin";
    private final Process process;
    private final int port;
    private final Path log;
    private final Path unpacked;
    private final String adminPassword;
    private final OrphanGuard guard;

    private KeycloakServer(Process process, int port, Path log, Path unpacked, String adminPassword)
            throws IOException {
        this.process = process;
        this.guard = OrphanGuard.start(process.toHandle());
        this.port = port;
        this.log = log;
        this.unpacked = unpacked;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts Keycloak from {@code distZip} with {@code realmFile} imported and waits (5 min) until
     * {@code realm} answers.
     *
     * @throws IllegalStateException when Keycloak exits or does not serve the realm in time (the
     *     message names the log)
     */
    public static KeycloakServer start(Path distZip, Path realmFile, String realm, Path workDir)
            throws IOException, InterruptedException {
        KeycloakServer kc = launch(distZip, realmFile, workDir);
        kc.awaitRealm(realm, Duration.ofMinutes(5));
        return kc;
    }

    /**
     * Unpacks (when not yet done) and starts Keycloak without waiting for it: {@link #port} is
     * known at once; {@link #awaitRealm} waits until it serves a realm.
     */
    public static KeycloakServer launch(Path distZip, Path realmFile, Path workDir)
            throws IOException {
        Path unpacked = workDir.resolve("keycloak");
        Path home = DistZip.unpacked(distZip, unpacked);
        Path data = home.resolve("data");
        Folders.deleteRecursively(data.resolve("h2")); // a fresh realm every run
        Files.createDirectories(data.resolve("import"));
        Files.copy(
                realmFile,
                data.resolve("import").resolve(realmFile.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        int port = FreePorts.pick();
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/kc.sh").toString());
        cmd.add("start-dev");
        cmd.add("--http-port=" + port);
        cmd.add("--http-management-port=" + FreePorts.pick());
        cmd.add("--hostname=http://127.0.0.1:" + port);
        cmd.add("--import-realm");
        Path log = workDir.resolve("keycloak.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        String javaHome = System.getenv("KEYCLOAK_JAVA_HOME");
        pb.environment()
                .put("JAVA_HOME", javaHome != null ? javaHome : System.getProperty("java.home"));
        String adminPassword = UUID.randomUUID().toString();
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        Process process = pb.start();
        try {
            return new KeycloakServer(process, port, log, unpacked, adminPassword);
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>/realms/<realm>}: the issuer of the realm's tokens. */
    public String issuer(String realm) {
        return origin() + "/realms/" + realm;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}: where Keycloak listens (and the tokens' issuer host). */
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** The file Keycloak's output goes to. */
    public Path log() {
        return log;
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

    /**
     * Waits until {@code realm}'s discovery document answers 200.
     *
     * @throws IllegalStateException when Keycloak exits first or {@code timeout} passes (then it is
     *     stopped); the message names the log
     */
    public void awaitRealm(String realm, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create(issuer(realm) + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak exited with " + process.exitValue() + "; see " + log);
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
        throw new IllegalStateException(
                "Keycloak did not serve realm " + realm + " within " + timeout + "; see " + log);
    }

    /**
     * Ends the Keycloak JVM and the script that started it (SIGTERM, SIGKILL after 30 s) and waits
     * until both are gone. Idempotent.
     */
    @Override
    public void close() {
        guard.close();
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                all.forEach(ProcessHandle::destroyForcibly);
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stops Keycloak and deletes its unpacked distribution and database ({@code
     * <workDir>/keycloak}, about 190 MB); the log stays.
     */
    public void closeAndDelete() {
        close();
        Folders.deleteRecursively(unpacked);
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
