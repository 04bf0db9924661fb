package io.streamforge.kafka;

/** A data message that cannot be decoded or violates the record rules; it goes to the DLQ. */
public class InvalidRecordException extends RuntimeException {
    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
