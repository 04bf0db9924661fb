package io.streamforge.registry;

import java.util.Map;
import java.util.Objects;

/**
 * One environment variable a service reads.
 *
 * @param name the variable; a name ending in {@code *} is a prefix ({@code WORKER_IMAGE_*})
 * @param need when it must be set
 * @param defaultValue the value used when it is not set (null: none, or computed)
 * @param when for {@link Need#REQUIRED_WHEN}: {@code VAR=value}; the variable is required when VAR
 *     (or, unset, its default) has that value ({@code VAR=*}: when VAR is set at all); for {@link
 *     Need#LAUNCH} (optional): it is needed only when that holds (e.g. a connector's
 *     EXPECTED_PRODUCERS in queue mode, not in live mode)
 */
public record EnvVar(String name, Need need, String defaultValue, String when) {
    /** When a variable must be set. */
    public enum Need {
        /** The service refuses to start without it. */
        REQUIRED,
        /** Required only when {@link EnvVar#when()} holds. */
        REQUIRED_WHEN,
        /** Has a default or is truly optional. */
        OPTIONAL,
        /** Set per job by the queue-manager when it launches the step (not by the chart). */
        LAUNCH
    }

    public EnvVar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(need, "need");
        if (need == Need.REQUIRED_WHEN && (when == null || !when.contains("="))) {
            throw new IllegalArgumentException(name + ": REQUIRED_WHEN needs when=VAR=value");
        }
        if (when != null
                && (!when.contains("=") || (need != Need.REQUIRED_WHEN && need != Need.LAUNCH))) {
            throw new IllegalArgumentException(
                    name + ": when=VAR=value only with REQUIRED_WHEN or LAUNCH");
        }
    }

    /**
     * Whether {@link #when()} holds in {@code env} (a service's environment), VAR's declared
     * default standing in when VAR is unset; true when there is no condition.
     */
    public boolean conditionHolds(Map<String, String> env, ServiceDescriptor service) {
        if (when == null) {
            return true;
        }
        String var = when.substring(0, when.indexOf('='));
        String expected = when.substring(when.indexOf('=') + 1);
        String actual = env.get(var);
        if (actual == null) {
            actual = service.variable(var).map(EnvVar::defaultValue).orElse(null);
        }
        return expected.equals("*") ? actual != null : expected.equals(actual);
    }

    /** A {@code *_FILE} variable: the path of a secret file. */
    public boolean secretFile() {
        return name.endsWith("_FILE");
    }

    /** Whether {@code variable} is this one (or matches this prefix). */
    public boolean matches(String variable) {
        return name.endsWith("*")
                ? variable.startsWith(name.substring(0, name.length() - 1))
                : name.equals(variable);
    }

    static EnvVar required(String name) {
        return new EnvVar(name, Need.REQUIRED, null, null);
    }

    static EnvVar optional(String name, String defaultValue) {
        return new EnvVar(name, Need.OPTIONAL, defaultValue, null);
    }

    static EnvVar launch(String name) {
        return new EnvVar(name, Need.LAUNCH, null, null);
    }

    static EnvVar launchWhen(String name, String when) {
        return new EnvVar(name, Need.LAUNCH, null, when);
    }

    static EnvVar requiredWhen(String name, String when) {
        return new EnvVar(name, Need.REQUIRED_WHEN, null, when);
    }
}
