package io.streamforge.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link EmbeddedKafkaBroker} is secured when it is not PLAINTEXT: one {@code SASL_SSL} client
 * listener (TLS with {@code cert}, signed by the CA in {@code caFile}; SCRAM-SHA-512), the KRaft
 * controller listener on {@code SASL_PLAINTEXT} with PLAIN (loopback only, used by the broker
 * itself), {@code StandardAuthorizer} with {@code adminUser} as the only super user and no access
 * without an ACL. The admin's SCRAM credential is written when the storage is formatted; every
 * other user is created through the Admin API ({@link EmbeddedKafkaBroker#createScramUser}).
 *
 * @param adminPassword letters and digits only (it goes into the formatter's argument syntax)
 */
public record KafkaSecurity(
        ThrowawayCa.ServerCert cert, Path caFile, String adminUser, String adminPassword) {
    public static final String MECHANISM = "SCRAM-SHA-512";
    static final String LISTENER = "SASL_SSL";

    public KafkaSecurity {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(caFile, "caFile");
        if (adminUser == null || !adminUser.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("adminUser: expected [A-Za-z0-9._-]+");
        }
        if (adminPassword == null || !adminPassword.matches("[A-Za-z0-9]{8,}")) {
            throw new IllegalArgumentException(
                    "adminPassword: expected at least 8 letters or digits");
        }
    }

    /** A CA in {@code dir}, a localhost certificate and an admin with a random password. */
    public static KafkaSecurity withNewCa(java.nio.file.Path dir, String adminUser) {
        ThrowawayCa ca = ThrowawayCa.create(dir);
        return new KafkaSecurity(
                ca.issueLocalhost("kafka"), ca.caFile(), adminUser, Passwords.random());
    }

    /** Broker settings replacing the PLAINTEXT listener of the one-node defaults. */
    Map<String, Object> brokerSettings(int port, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put(
                "listeners",
                LISTENER + "://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", LISTENER + "://localhost:" + port);
        p.put("inter.broker.listener.name", LISTENER);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put(
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                scramJaas(adminUser, adminPassword));
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put(
                "listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + adminUser
                        + "\" password=\""
                        + adminPassword
                        + "\" user_"
                        + adminUser
                        + "=\""
                        + adminPassword
                        + "\";");
        p.put("ssl.keystore.type", "PEM");
        p.put("ssl.keystore.certificate.chain", cert.certPem());
        p.put("ssl.keystore.key", cert.keyPem());
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", caFile.toString());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + adminUser);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /**
     * The formatter argument that stores the admin's SCRAM credential in the bootstrap metadata.
     */
    String scramBootstrapArgument() {
        return MECHANISM + "=[name=" + adminUser + ",password=" + adminPassword + "]";
    }

    /** Client properties for {@code user} on the SASL_SSL listener at {@code bootstrap}. */
    public Map<String, Object> clientProperties(String bootstrap, String user, String password) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        p.put("security.protocol", LISTENER);
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", scramJaas(user, password));
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", caFile.toString());
        return p;
    }

    static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\" password=\""
                + password.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\";";
    }

    @Override
    public String toString() {
        return "KafkaSecurity[cert="
                + cert
                + ", caFile="
                + caFile
                + ", adminUser="
                + adminUser
                + ", adminPassword=***]";
    }
}
