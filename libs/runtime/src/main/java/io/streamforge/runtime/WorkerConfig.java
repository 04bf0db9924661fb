package io.streamforge.runtime;

import io.streamforge.domain.Symbol;
import io.streamforge.kafka.KafkaSettings;
import java.util.Arrays;
import java.util.List;

/**
 * The configuration every worker shares: identity within its queue, Kafka access and the HTTP port
 * of health and metrics. Services read their own variables with the same {@link ConfigReader}.
 */
public record WorkerConfig(
        String service,
        String queueId,
        String telemetryId,
        String type,
        List<Symbol> symbols,
        KafkaSettings kafka,
        int httpPort,
        int attempt) {

    public WorkerConfig {
        symbols = List.copyOf(symbols);
    }

    /**
     * Reads QUEUE_ID, TELEMETRY_ID, TYPE, SYMBOL|SYMBOLS, KAFKA_*, HTTP_PORT, ATTEMPT (1; the
     * queue-manager sets the step's attempt, one more per resume, so telemetry can name it).
     */
    public static WorkerConfig read(ConfigReader r, String service, boolean symbolsRequired) {
        String queueId = r.required("QUEUE_ID");
        String telemetryId = r.optional("TELEMETRY_ID", null);
        String type = r.optional("TYPE", "");
        List<Symbol> symbols = r.parsed("SYMBOLS", WorkerConfig::symbolList, null);
        if (symbols == null) {
            symbols = r.parsed("SYMBOL", s -> List.of(Symbol.of(s)), List.of());
        }
        if (symbolsRequired && symbols.isEmpty()) {
            r.problem("missing SYMBOL or SYMBOLS");
        }
        KafkaSettings kafka = kafka(r);
        int port = r.intValue("HTTP_PORT", 8080, 0, 65535);
        int attempt = r.intValue("ATTEMPT", 1, 1, 1_000_000);
        return new WorkerConfig(
                service,
                queueId == null ? "" : queueId,
                telemetryId == null
                        ? service + "__" + (queueId == null ? "" : queueId)
                        : telemetryId,
                type,
                symbols,
                kafka,
                port,
                attempt);
    }

    public static KafkaSettings kafka(ConfigReader r) {
        String bootstrap = r.required("KAFKA_BOOTSTRAP_SERVERS");
        String protocol = r.optional("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        boolean sasl = protocol.equalsIgnoreCase("SASL_SSL");
        String user = sasl ? r.required("KAFKA_SASL_USERNAME") : null;
        String password = sasl ? r.secret("KAFKA_SASL_PASSWORD") : null;
        String ca = r.optional("KAFKA_SSL_CA_FILE", null);
        if (bootstrap == null) {
            return null;
        }
        try {
            return new KafkaSettings(bootstrap, protocol, user, password, ca);
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage());
            return null;
        }
    }

    static List<Symbol> symbolList(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Symbol::of)
                .distinct()
                .toList();
    }
}
