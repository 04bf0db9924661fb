package io.streamforge.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code streamforge --version}: the Maven project version, filtered into a resource at build. */
public final class BuildVersion implements CommandLine.IVersionProvider {
    static final String RESOURCE = "version.properties";

    /** The version the build wrote, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return p.getProperty("version");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "streamforge " + version(),
            "Java "
                    + System.getProperty("java.version")
                    + " ("
                    + System.getProperty("os.name")
                    + " "
                    + System.getProperty("os.arch")
                    + ")"
        };
    }
}
