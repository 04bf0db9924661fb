package io.streamforge.app.rehearse;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code helm template} by helm-java in a child JVM. helm-java embeds a Go runtime, and once it is
 * loaded the JVM no longer acts on SIGINT or SIGTERM (no shutdown hook runs, Ctrl-C does nothing):
 * the rehearsal's own JVM must stay able to stop its pods, so the Go runtime lives and dies in a
 * short-lived child ({@link #main}), whose stdout is the rendered YAML.
 */
final class HelmTemplate {
    private static final long TIMEOUT_S = 120;

    private HelmTemplate() {}

    /** The rendered manifests; a Helm error is an {@link IllegalStateException} with its text. */
    static String render(Path chartDir, Path valuesFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HelmTemplate.class.getName());
        cmd.add(chartDir.toString());
        if (valuesFile != null) {
            cmd.add(valuesFile.toString());
        }
        try {
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<String> err =
                    CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String yaml = read(p.getInputStream());
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("helm template did not end in " + TIMEOUT_S + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("helm template failed: " + err.join().strip());
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start helm template in a child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the chart", e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The child: {@code <chartDir> [valuesFile]} → the rendered YAML on stdout, exit 1 on error.
     */
    public static void main(String[] args) {
        try {
            TemplateCommand t =
                    new Helm(Path.of(args[0]))
                            .template()
                            .withName(RenderedChart.RELEASE)
                            .withNamespace(RenderedChart.NAMESPACE)
                            .withKubeVersion("1.30.0");
            if (args.length > 1) {
                t = t.withValuesFile(Path.of(args[1]));
            }
            System.out.print(t.call());
            System.out.flush();
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
