package io.streamforge.runtime.auth;

/**
 * A refused request: 401 (no, malformed, forged, expired or wrong-audience token) or 403 (valid
 * token without the route's role). Each server renders it in its own problem+json format; the
 * detail never contains the token.
 */
public final class AuthException extends RuntimeException {
    private final int status;

    public AuthException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static AuthException unauthorized(String detail) {
        return new AuthException(401, detail);
    }

    public static AuthException forbidden(String detail) {
        return new AuthException(403, detail);
    }
}
