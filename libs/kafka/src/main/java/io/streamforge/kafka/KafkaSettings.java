package io.streamforge.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How to reach Kafka. PLAINTEXT locally; SASL_SSL with SCRAM-SHA-512 and a CA file in the cluster —
 * same code, configuration only. The password is never part of {@link #toString()}.
 */
public record KafkaSettings(
        String bootstrapServers,
        String securityProtocol,
        String saslUsername,
        String saslPassword,
        String caFile) {

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        securityProtocol =
                securityProtocol == null ? "PLAINTEXT" : securityProtocol.toUpperCase(Locale.ROOT);
        if (!securityProtocol.equals("PLAINTEXT") && !securityProtocol.equals("SASL_SSL")) {
            throw new IllegalArgumentException(
                    "KAFKA_SECURITY_PROTOCOL: expected PLAINTEXT or SASL_SSL, got "
                            + securityProtocol);
        }
        if (securityProtocol.equals("SASL_SSL") && (saslUsername == null || saslPassword == null)) {
            throw new IllegalArgumentException(
                    "SASL_SSL needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD_FILE");
        }
    }

    public static KafkaSettings plaintext(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, "PLAINTEXT", null, null, null);
    }

    /** Client properties common to producers, consumers and admin clients. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        if (securityProtocol.equals("SASL_SSL")) {
            p.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
            p.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(saslUsername, saslPassword));
            if (caFile != null) {
                p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
                p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, caFile);
            }
        }
        return p;
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + escape(user)
                + "\" password=\""
                + escape(password)
                + "\";";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "KafkaSettings[bootstrapServers="
                + bootstrapServers
                + ", securityProtocol="
                + securityProtocol
                + ", saslUsername="
                + saslUsername
                + ", saslPassword="
                + (saslPassword == null ? "null" : "***")
                + ", caFile="
                + caFile
                + "]";
    }
}
