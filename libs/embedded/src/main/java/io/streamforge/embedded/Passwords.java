package io.streamforge.embedded;

import java.security.SecureRandom;

/** Random passwords for the users of the embedded servers (letters and digits, 24 characters). */
public final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private Passwords() {}

    public static String random() {
        StringBuilder b = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
