package io.streamforge.app.rehearse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;

/**
 * Where the build left the {@code org.keycloak:keycloak-quarkus-dist} zip: app declares it as a
 * test dependency, so any build of app downloads it into the local Maven repository. The version is
 * the parent pom's {@code keycloak.version}, filtered into {@code keycloak.properties} by the
 * build. The local repository is found where Maven itself takes it from, first match wins: the
 * system property {@code maven.repo.local}, {@code -Dmaven.repo.local=} in {@code MAVEN_OPTS} (how
 * the project's GitLab CI sets it) or in the repository's {@code .mvn/maven.config}, {@code
 * <localRepository>} in {@code ~/.m2/settings.xml}, else {@code ~/.m2/repository}.
 */
public final class KeycloakDist {
    static final String RESOURCE = "keycloak.properties";
    private static final Pattern REPO_LOCAL = Pattern.compile("-Dmaven\\.repo\\.local=(\\S+)");

    /** The zip's path, where that path came from, and whether the file is there. */
    public record Location(Path zip, String source, boolean present) {
        /** The Maven command that downloads the zip into the local repository. */
        public String downloadCommand() {
            return "./mvnw -q dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:"
                    + version()
                    + ":zip";
        }
    }

    private KeycloakDist() {}

    /** The Keycloak version of the build, e.g. {@code 26.7.3}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = KeycloakDist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return p.getProperty("keycloak.version");
    }

    /** The zip of this machine: this JVM's system properties and {@code user.home}. */
    public static Location locate(Map<String, String> env, Path root) {
        return locate(env, System::getProperty, root, Path.of(System.getProperty("user.home")));
    }

    /**
     * The zip as found from {@code env}, the system properties {@code sys}, the repository {@code
     * root} (for {@code .mvn/maven.config}) and {@code userHome} (for {@code ~/.m2}).
     */
    static Location locate(
            Map<String, String> env, Function<String, String> sys, Path root, Path userHome) {
        Path repo;
        String source;
        String fromMavenConfig = repoLocal(read(root.resolve(".mvn/maven.config")));
        String fromSettings = settingsRepository(userHome.resolve(".m2/settings.xml"), userHome);
        if (sys.apply("maven.repo.local") != null) {
            repo = Path.of(sys.apply("maven.repo.local"));
            source = "-Dmaven.repo.local";
        } else if (repoLocal(env.get("MAVEN_OPTS")) != null) {
            repo = Path.of(repoLocal(env.get("MAVEN_OPTS")));
            source = "MAVEN_OPTS";
        } else if (fromMavenConfig != null) {
            repo = root.resolve(fromMavenConfig);
            source = ".mvn/maven.config";
        } else if (fromSettings != null) {
            repo = Path.of(fromSettings);
            source = "~/.m2/settings.xml";
        } else {
            repo = userHome.resolve(".m2/repository");
            source = "the default local Maven repository";
        }
        String v = version();
        Path zip =
                repo.resolve("org/keycloak/keycloak-quarkus-dist")
                        .resolve(v)
                        .resolve("keycloak-quarkus-dist-" + v + ".zip");
        return new Location(zip, source, Files.isRegularFile(zip));
    }

    private static String repoLocal(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = REPO_LOCAL.matcher(text);
        return m.find() ? m.group(1).replaceAll("^[\"']|[\"']$", "") : null;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code <localRepository>} of a Maven settings file ({@code ${user.home}} expanded). */
    private static String settingsRepository(Path settings, Path userHome) {
        if (!Files.isRegularFile(settings)) {
            return null;
        }
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes =
                    factory.newDocumentBuilder()
                            .parse(settings.toFile())
                            .getElementsByTagName("localRepository");
            if (nodes.getLength() == 0 || nodes.item(0).getTextContent().isBlank()) {
                return null;
            }
            return nodes.item(0)
                    .getTextContent()
                    .strip()
                    .replace("${user.home}", userHome.toString());
        } catch (Exception e) {
            return null; // Maven itself refuses a broken settings file: no build used it
        }
    }
}
