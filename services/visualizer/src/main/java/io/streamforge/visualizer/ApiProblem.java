package io.streamforge.visualizer;

import java.util.List;

/**
 * A client or upstream error rendered as RFC 9457 {@code application/problem+json}; {@code fields}
 * name the offending query or path parameters (first = {@code field} of the body).
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final List<String> fields;

    public ApiProblem(int status, String detail, String... fields) {
        super(detail);
        this.status = status;
        this.fields = List.of(fields);
    }

    public int status() {
        return status;
    }

    /** The parameters the problem is about, possibly empty. */
    public List<String> fields() {
        return fields;
    }

    static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(400, detail, field);
    }

    static ApiProblem notFound(String field, String detail) {
        return new ApiProblem(404, detail, field);
    }
}
