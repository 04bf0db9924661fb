package io.streamforge.domain;

/** A failure that retrying cannot fix (bad input, bad symbol, 4xx other than 429/418). */
public class PermanentException extends RuntimeException {
    public PermanentException(String message) {
        super(message);
    }

    public PermanentException(String message, Throwable cause) {
        super(message, cause);
    }
}
