package io.streamforge.app.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a service's image holds, taken from the build instead of a registry: the packaged jar
 * ({@code services/<name>/target/<name>-*.jar}, the Dockerfile's {@code app.jar}), its runtime
 * classpath ({@code target/lib/}, the Dockerfile's {@code lib/}) and the Dockerfile's {@code
 * ENTRYPOINT}, with {@code java} being this JVM's and the two paths made absolute.
 */
public record ServiceImage(String service, Path jar, Path lib, List<String> entrypoint) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The command line of a container of this image. */
    public List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        for (String part : entrypoint) {
            cmd.add(
                    part.equals("java")
                            ? java
                            : part.replace("app.jar", jar.toString())
                                    .replace("lib/*", lib.resolve("*").toString()));
        }
        return cmd;
    }

    /**
     * The image of {@code service} in the repository at {@code root}.
     *
     * @throws IllegalStateException naming the Maven command when the jar or its lib/ is missing
     */
    public static ServiceImage of(Path root, String service) {
        Path module = root.resolve("services").resolve(service);
        Path dockerfile = module.resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            throw new IllegalStateException(
                    "the chart runs '" + service + "', but " + dockerfile + " does not exist");
        }
        Optional<Path> jar = jar(module.resolve("target"), service);
        Path lib = module.resolve("target/lib");
        if (jar.isEmpty() || !Files.isDirectory(lib)) {
            throw new IllegalStateException(missing(List.of(service)));
        }
        return new ServiceImage(service, jar.get(), lib, entrypoint(dockerfile));
    }

    /** The message for services whose packaged jar is missing: what to build. */
    public static String missing(List<String> services) {
        String modules = String.join(",", services.stream().map(s -> "services/" + s).toList());
        return "packaged jars missing for "
                + String.join(", ", services)
                + " (target/<name>-*.jar + target/lib/); build them with: ./mvnw -pl "
                + modules
                + " -am package -DskipTests";
    }

    /** Services of {@code wanted} whose jar or lib/ is missing. */
    public static List<String> missingOf(Path root, List<String> wanted) {
        return wanted.stream()
                .filter(
                        s -> {
                            Path target = root.resolve("services").resolve(s).resolve("target");
                            return jar(target, s).isEmpty()
                                    || !Files.isDirectory(target.resolve("lib"));
                        })
                .toList();
    }

    private static Optional<Path> jar(Path target, String service) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(
                            p -> {
                                String n = p.getFileName().toString();
                                return n.startsWith(service + "-")
                                        && n.endsWith(".jar")
                                        && !n.endsWith("-sources.jar")
                                        && !n.endsWith("-tests.jar");
                            })
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> entrypoint(Path dockerfile) {
        try {
            String line =
                    Files.readAllLines(dockerfile).stream()
                            .filter(l -> l.startsWith("ENTRYPOINT ["))
                            .reduce((a, b) -> b)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    dockerfile + " has no ENTRYPOINT [...]"));
            JsonNode array = JSON.readTree(line.substring("ENTRYPOINT ".length()));
            List<String> out = new ArrayList<>();
            array.forEach(n -> out.add(n.asText()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
