package io.streamforge.app.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --name value} options of one tool command. Every option takes a value (also as {@code
 * --name=value}); an option may be repeated only where the command reads it with {@link
 * #values(String)}. Errors are {@link UsageException}s that name the option.
 */
final class ToolArgs {
    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private ToolArgs(String command) {
        this.command = command;
    }

    /** Parses {@code args} accepting only {@code known} option names (with the leading dashes). */
    static ToolArgs parse(String command, String[] args, List<String> known) {
        ToolArgs a = new ToolArgs(command);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!known.contains(name)) {
                throw new UsageException(
                        command
                                + ": unknown "
                                + (arg.startsWith("-") ? "option" : "argument")
                                + " '"
                                + arg
                                + "'; expected "
                                + String.join(", ", known));
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(command + ": option " + name + " needs a value");
                }
                value = args[++i];
            }
            if (value.isBlank()) {
                throw new UsageException(command + ": option " + name + " has an empty value");
            }
            a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return a;
    }

    /** All values of a repeatable option, in order (empty when absent). */
    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The single value of an option, or {@code def} when absent; repeating it is an error. */
    String value(String name, String def) {
        List<String> v = values(name);
        if (v.size() > 1) {
            throw new UsageException(
                    command + ": option " + name + " given " + v.size() + " times");
        }
        return v.isEmpty() ? def : v.get(0);
    }

    String required(String name) {
        String v = value(name, null);
        if (v == null) {
            throw new UsageException(command + ": option " + name + " is required");
        }
        return v;
    }

    /** A required input file that must exist and be a readable regular file. */
    Path inputFile(String name) {
        Path p = Path.of(required(name));
        if (!Files.isRegularFile(p)) {
            throw new UsageException(
                    command
                            + ": "
                            + name
                            + " "
                            + p
                            + (Files.exists(p) ? " is not a regular file" : ": no such file"));
        }
        if (!Files.isReadable(p)) {
            throw new UsageException(command + ": " + name + " " + p + " is not readable");
        }
        return p;
    }

    /** An output path; {@code -} means standard output and is returned as null. */
    Path outputFile(String name, boolean allowStdout) {
        String v = required(name);
        if (allowStdout && v.equals("-")) {
            return null;
        }
        Path p = Path.of(v);
        if (Files.isDirectory(p)) {
            throw new UsageException(command + ": " + name + " " + p + " is a directory");
        }
        return p;
    }

    /** An optional output path (null when absent). */
    Path optionalOutputFile(String name) {
        return values(name).isEmpty() ? null : outputFile(name, false);
    }
}
