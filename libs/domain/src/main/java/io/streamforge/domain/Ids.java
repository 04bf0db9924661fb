package io.streamforge.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The seed's id rules: {@code queue_id = loader-{symbol}-{type}-{first date}-{short id}} sanitised
 * to {@code [a-z0-9-]}; {@code telemetry_id = {target}__{short_id}}; Kubernetes names ≤ 63
 * characters.
 */
public final class Ids {
    public static final int K8S_NAME_MAX = 63;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final RandomGenerator RANDOM = new SecureRandom();

    private Ids() {}

    /** A fresh 6-character short id from {@code [a-z0-9]}. */
    public static String shortId() {
        return shortId(RANDOM);
    }

    public static String shortId(RandomGenerator random) {
        char[] out = new char[6];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    public static String queueId(String symbol, String type, LocalDate firstDate, String shortId) {
        return sanitize("loader-" + symbol + "-" + type + "-" + firstDate + "-" + shortId);
    }

    public static String telemetryId(String target, String shortId) {
        return target + "__" + shortId;
    }

    /**
     * Lower-cases and replaces every character outside {@code [a-z0-9-]} by '-', collapsing runs.
     */
    public static String sanitize(String raw) {
        String s =
                raw.toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9-]+", "-")
                        .replaceAll("-{2,}", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    /**
     * A DNS-1123 label of at most 63 characters: sanitised; when too long, truncated and suffixed
     * with 8 hex characters of the SHA-256 of the full name, so distinct names stay distinct.
     */
    public static String k8sName(String raw) {
        String s = sanitize(raw);
        if (s.length() <= K8S_NAME_MAX) {
            return s;
        }
        String hash = sha256Hex(s).substring(0, 8);
        String head = s.substring(0, K8S_NAME_MAX - hash.length() - 1).replaceAll("-+$", "");
        return head + "-" + hash;
    }

    static String sha256Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
