package io.streamforge.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Renders the registry as the Markdown reference {@code docs/environment.md}: per service its kind,
 * every variable it reads (need, default, condition) and the step params a pipeline may set. The
 * file is generated, never edited: {@code EnvTableTest} fails when it differs from the registry.
 *
 * <p>Regenerate: {@code ./mvnw -q -o -pl libs/registry compile && java -cp
 * libs/registry/target/classes io.streamforge.registry.EnvTable docs/environment.md}
 */
public final class EnvTable {
    private EnvTable() {}

    /** Writes the reference to the file named by {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: EnvTable <output.md>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), markdown(), StandardCharsets.UTF_8);
    }

    /** The whole reference. */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Service environment\n\n")
                .append(
                        "<!-- generated from libs/registry ServiceRegistry by EnvTable; do not edit")
                .append(" (EnvTableTest fails when this file differs from the registry) -->\n\n")
                .append("What each service reads, from its descriptor in the service registry")
                .append(" ([ADR 2701](adr/2701-service-registry.md)). Need: `required`;")
                .append(
                        " `required when VAR=value` (`VAR=*`: when VAR is set); `optional` (default shown; `<…>` is")
                .append(" computed); `launch` = set per job by the queue-manager. A `*_FILE`")
                .append(" variable names a mounted secret file. Any container may also carry ")
                .append(
                        ServiceRegistry.PLATFORM.stream()
                                .map(EnvTable::code)
                                .collect(Collectors.joining(", ")))
                .append(" (read by the OS, the JVM or people).\n");
        for (ServiceDescriptor d : ServiceRegistry.all()) {
            b.append('\n').append(service(d));
        }
        return b.toString();
    }

    /** One service's section. */
    static String service(ServiceDescriptor d) {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(d.name()).append("\n\n");
        b.append("Kind: ").append(d.kind().name().toLowerCase(java.util.Locale.ROOT));
        b.append(d.stepTarget() ? "; a pipeline step may run it" : "").append(".\n\n");
        b.append("| variable | need | default |\n|---|---|---|\n");
        for (EnvVar v : d.env()) {
            b.append("| ").append(code(v.name())).append(" | ").append(need(v)).append(" | ");
            b.append(v.defaultValue() == null ? "" : code(v.defaultValue())).append(" |\n");
        }
        if (!d.stepParams().isEmpty()) {
            b.append("\n| step param | sets | accepts | what |\n|---|---|---|---|\n");
            for (StepParam p : d.stepParams()) {
                b.append("| ").append(code(p.name())).append(" | ").append(code(p.envName()));
                b.append(" | ").append(accepts(p)).append(" | ");
                b.append(p.description().replace("|", "\\|")).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String need(EnvVar v) {
        return switch (v.need()) {
            case REQUIRED -> "required";
            case REQUIRED_WHEN -> "required when " + code(v.when());
            case OPTIONAL -> "optional";
            case LAUNCH -> v.when() == null ? "launch" : "launch when " + code(v.when());
        };
    }

    private static String accepts(StepParam p) {
        return switch (p.type()) {
            case INTEGER -> "integer " + p.min() + " … " + p.max();
            case ENUM -> String.join(" \\| ", p.values().stream().map(EnvTable::code).toList());
            case INTERVAL -> "interval (`1m` … `1M`)";
            case STRING -> code(p.pattern().pattern()).replace("|", "\\|");
        };
    }

    private static String code(String s) {
        return "`" + s + "`";
    }
}
