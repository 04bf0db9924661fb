package io.streamforge.app.rehearse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.embedded.KeycloakServer;
import io.streamforge.embedded.OidcLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Keycloak as the rehearsal's identity provider: the {@code keycloak-quarkus-dist} zip
 * unpacked under the rehearsal's work folder (deleted on {@link #close}, the log {@code
 * keycloak.log} stays), started in dev mode on free loopback ports with the realm file imported.
 * {@link #start} only launches it, so that it boots while the rehearsal starts the other parts (the
 * services fetch the JWKS on their first token, not at start); the first {@link #token} waits until
 * the realm answers. Tokens come from the web UI's public client by authorization code + PKCE, as a
 * user signs in, for the realm's test user named after the first role ({@code operator} / {@code
 * operator-pass}). A shutdown hook stops Keycloak when the JVM exits before {@link #close};
 * libs/embedded's {@code OrphanGuard} when the JVM is killed (ADR 3501: once helm-java's Go runtime
 * is loaded this JVM does not see SIGINT/SIGTERM, so no hook runs on them).
 */
public final class KeycloakIdentity implements Identity, AutoCloseable {
    static final String UI_CLIENT = "streamforge-ui";

    /** A redirect the realm's UI client allows ({@code http://127.0.0.1:*}); never called. */
    static final String REDIRECT = "http://127.0.0.1:8081/";

    private final KeycloakServer server;
    private final String realm;
    private final String label;
    private final Duration readyTimeout;
    private final Thread hook;
    private boolean ready;
    private String failed;

    private KeycloakIdentity(
            KeycloakServer server, String realm, String label, Duration readyTimeout) {
        this.server = server;
        this.realm = realm;
        this.label = label;
        this.readyTimeout = readyTimeout;
        this.hook = new Thread(server::closeAndDelete, "keycloak-stop");
    }

    /**
     * Launches Keycloak from {@code zip} with {@code realmFile} imported, under {@code workDir}.
     *
     * @param readyTimeout the longest wait, at the first token, for the realm to answer
     * @throws UncheckedIOException when the zip cannot be unpacked or the process not started
     */
    public static KeycloakIdentity start(
            Path zip, Path realmFile, Path workDir, Duration readyTimeout) {
        try {
            String realm = new ObjectMapper().readTree(realmFile.toFile()).path("realm").asText();
            if (realm.isEmpty()) {
                throw new IllegalArgumentException("no \"realm\" in " + realmFile);
            }
            String label =
                    "real Keycloak "
                            + KeycloakDist.version()
                            + " (realm file "
                            + shown(realmFile)
                            + ", realm "
                            + realm
                            + "; tokens by "
                            + UI_CLIENT
                            + "'s code + PKCE)";
            KeycloakServer server = KeycloakServer.launch(zip, realmFile, workDir);
            KeycloakIdentity identity = new KeycloakIdentity(server, realm, label, readyTimeout);
            Runtime.getRuntime().addShutdownHook(identity.hook);
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start Keycloak from " + zip + " with " + realmFile + ": " + e, e);
        }
    }

    /** The path relative to the working folder. */
    private static String shown(Path file) {
        return Path.of("")
                .toAbsolutePath()
                .relativize(file.toAbsolutePath().normalize())
                .toString();
    }

    @Override
    public String origin() {
        return server.origin();
    }

    /** {@code http://127.0.0.1:<port>/realms/<realm>}. */
    public String issuer() {
        return server.issuer(realm);
    }

    /**
     * A token of the realm's user named after {@code roles.get(0)} (the realm has one test user per
     * role, password {@code <user>-pass}).
     *
     * @throws IllegalStateException when Keycloak did not come up (names its log) or the sign-in
     *     failed
     */
    @Override
    public String token(List<String> roles) {
        String user = roles.get(0);
        try {
            awaitReady();
            return OidcLogin.accessToken(issuer(), UI_CLIENT, REDIRECT, user, user + "-pass");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Keycloak sign-in of " + user + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    private synchronized void awaitReady() throws InterruptedException {
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        if (!ready) {
            try {
                server.awaitRealm(realm, readyTimeout);
                ready = true;
            } catch (IllegalStateException e) {
                failed = e.getMessage();
                throw e;
            }
        }
    }

    @Override
    public String description() {
        return label;
    }

    /** Stops Keycloak and deletes its unpacked distribution; idempotent. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook does it
            return;
        }
        server.closeAndDelete();
    }
}
