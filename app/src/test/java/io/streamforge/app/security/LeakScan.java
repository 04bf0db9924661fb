package io.streamforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where secrets must never appear, and which secrets: sources are named byte suppliers (stdout,
 * every log event, the Fluent Forward stream, every telemetry record, API answers, …) read when
 * {@link #assertNoSecretLeaked()} runs; secrets are the values to look for. Tests add both — a new
 * secret kind (e.g. OIDC tokens) or a new output is one {@code secret(…)} / {@code source(…)} call.
 */
final class LeakScan {
    private final Map<String, Supplier<byte[]>> sources = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>(); // value -> label

    LeakScan source(String name, Supplier<byte[]> content) {
        sources.put(name, content);
        return this;
    }

    LeakScan text(String name, Supplier<String> content) {
        return source(name, () -> content.get().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A secret value and a label naming it in failures (the value is never printed). Values shorter
     * than 8 characters are refused: they would match by chance.
     */
    LeakScan secret(String label, String value) {
        if (value == null || value.strip().length() < 8) {
            throw new IllegalArgumentException(
                    label + ": a secret to scan for needs 8+ characters");
        }
        secrets.put(value.strip(), label);
        return this;
    }

    Set<String> labels() {
        return Set.copyOf(secrets.values());
    }

    /** Reads every source; fails naming each (source, secret prefix) found, and empty sources. */
    Map<String, Integer> assertNoSecretLeaked() {
        assertThat(secrets).as("secrets to look for").isNotEmpty();
        List<String> leaks = new ArrayList<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<byte[]>> s : sources.entrySet()) {
            String content = new String(s.getValue().get(), StandardCharsets.ISO_8859_1);
            sizes.put(s.getKey(), content.length());
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                String needle =
                        new String(
                                secret.getKey().getBytes(StandardCharsets.UTF_8),
                                StandardCharsets.ISO_8859_1);
                if (content.contains(needle)) {
                    leaks.add(s.getKey() + " contains " + secret.getValue());
                }
            }
        }
        assertThat(leaks).as("secrets found in outputs").isEmpty();
        return sizes;
    }
}
