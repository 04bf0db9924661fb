package io.streamforge.binance;

import io.streamforge.domain.PermanentException;

/** The response could not be parsed (not JSON, or not the expected shape). Not retried. */
public class MalformedResponseException extends PermanentException {
    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
