package io.streamforge.runtime.auth;

import java.util.Set;

/**
 * An authenticated caller: the token's subject, a display name ({@code preferred_username}, else
 * the subject) and its StreamForge roles with the implied ones.
 */
public record AuthUser(String subject, String name, Set<Role> roles) {
    /** The caller when authentication is off (loopback only): every role. */
    public static final AuthUser ANONYMOUS =
            new AuthUser("anonymous", "anonymous", Set.of(Role.values()));

    public AuthUser {
        roles = Set.copyOf(Role.withImplied(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
