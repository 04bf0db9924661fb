package io.streamforge.visualizer;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Third-party browser code served from webjars on the classpath (no CDN: the UI works offline).
 * Apache ECharts comes from {@code org.webjars.npm:echarts}; its version is read from the webjar's
 * own {@code pom.properties}, so a version bump in the parent pom needs no code change.
 */
final class Vendor {
    private static final String ECHARTS =
            "/META-INF/resources/webjars/echarts/%s/dist/echarts.min.js";

    private Vendor() {}

    /** The webjar's version of ECharts, e.g. {@code 5.3.1}. */
    static String echartsVersion() {
        String props = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";
        try (InputStream in = Vendor.class.getResourceAsStream(props)) {
            if (in == null) {
                throw new IllegalStateException("no " + props + " on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void echarts(Context ctx) throws IOException {
        String path = String.format(ECHARTS, echartsVersion());
        try (InputStream in = Vendor.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ApiProblem(404, "missing resource " + path);
            }
            ctx.header("Cache-Control", "public, max-age=86400")
                    .contentType("text/javascript; charset=utf-8")
                    .result(in.readAllBytes());
        }
    }
}
