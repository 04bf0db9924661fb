package io.streamforge.queuemanager;

/** A client error rendered as RFC 9457 {@code application/problem+json} naming the bad field. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String field;

    public ProblemException(int status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** The JSON path of the offending field, e.g. {@code microservices[1].interval}, or null. */
    public String field() {
        return field;
    }
}
