package io.streamforge.runtime;

import java.util.List;

/** Invalid configuration: lists every missing or invalid variable at once. Exit code 2. */
public class ConfigException extends RuntimeException {
    public static final int EXIT_CODE = 2;
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
