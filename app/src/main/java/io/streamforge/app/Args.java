package io.streamforge.app;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Minimal {@code --name value} / {@code --flag} parsing with a clear error for unknown options. */
final class Args {
    private final List<String> args;
    private final Set<Integer> used = new HashSet<>();

    Args(String[] args) {
        this.args = List.of(args);
    }

    String value(String name, String def) {
        int i = args.indexOf(name);
        if (i < 0) {
            return def;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        used.add(i);
        used.add(i + 1);
        return args.get(i + 1);
    }

    boolean flag(String name) {
        int i = args.indexOf(name);
        if (i >= 0) {
            used.add(i);
        }
        return i >= 0;
    }

    void checkAllUsed() {
        for (int i = 0; i < args.size(); i++) {
            if (!used.contains(i)) {
                throw new IllegalArgumentException("unknown option '" + args.get(i) + "'");
            }
        }
    }
}
