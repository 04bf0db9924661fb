package io.streamforge.runtime.auth;

import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a user may do, from the token's roles: {@code viewer} reads (queues, events, data), {@code
 * operator} also starts and stops pipelines, {@code admin} may do everything. A higher role implies
 * the lower ones, so a route names the least role it needs.
 */
public enum Role implements RouteRole {
    VIEWER,
    OPERATOR,
    ADMIN;

    /**
     * The role's name in the token and the realm ({@code viewer}, {@code operator}, {@code admin}).
     */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A token role name, case-insensitive; other names are not StreamForge roles. */
    public static Optional<Role> fromClaim(String value) {
        for (Role r : values()) {
            if (r.claimValue().equalsIgnoreCase(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The granted roles with every role they imply ({@code admin} → all three). */
    public static Set<Role> withImplied(Set<Role> granted) {
        EnumSet<Role> out = EnumSet.noneOf(Role.class);
        for (Role r : granted) {
            for (Role lower : values()) {
                if (lower.ordinal() <= r.ordinal()) {
                    out.add(lower);
                }
            }
        }
        return out;
    }
}
