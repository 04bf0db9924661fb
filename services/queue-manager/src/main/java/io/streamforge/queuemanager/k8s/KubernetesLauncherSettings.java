package io.streamforge.queuemanager.k8s;

import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import io.streamforge.runtime.ConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How worker Jobs are created. {@code ttlSecondsAfterFinished} and {@code backoffLimit} null = keep
 * the template's value (the chart renders {@code jobs.*}); the built-in template has its own
 * defaults.
 *
 * @param namespace namespace of the Jobs (K8S_NAMESPACE)
 * @param templateDir folder with {@code <target>.yaml} Job templates, or null (WORKER_TEMPLATE_DIR)
 * @param serviceAccount service account of the worker pods, or null = template's
 * @param images image per target from WORKER_IMAGE_&lt;SVC&gt; (target name, not env suffix)
 * @param ttlSecondsAfterFinished override of the template's TTL, or null
 * @param backoffLimit override of the template's backoff limit, or null
 * @param stopGraceMs how long a stopped worker may take before its Job is deleted
 */
public record KubernetesLauncherSettings(
        String namespace,
        Path templateDir,
        String serviceAccount,
        Map<String, String> images,
        Integer ttlSecondsAfterFinished,
        Integer backoffLimit,
        long stopGraceMs) {
    public static final long DEFAULT_STOP_GRACE_MS = 30_000;
    static final String IMAGE_PREFIX = "WORKER_IMAGE_";

    public KubernetesLauncherSettings {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("namespace is required");
        }
        images = Map.copyOf(images);
        if (stopGraceMs < 0) {
            throw new IllegalArgumentException("stopGraceMs must be >= 0: " + stopGraceMs);
        }
    }

    /** Settings for a namespace with no template folder, overrides or images. */
    public static KubernetesLauncherSettings defaults(String namespace) {
        return new KubernetesLauncherSettings(
                namespace, null, null, Map.of(), null, null, DEFAULT_STOP_GRACE_MS);
    }

    /**
     * Reads K8S_NAMESPACE, WORKER_TEMPLATE_DIR, WORKER_SERVICE_ACCOUNT, WORKER_IMAGE_&lt;SVC&gt;,
     * WORKER_TTL_SECONDS_AFTER_FINISHED, WORKER_BACKOFF_LIMIT, WORKER_STOP_GRACE_MS; problems go to
     * {@code r}. Returns null when a required value is missing.
     */
    public static KubernetesLauncherSettings read(ConfigReader r, Map<String, String> env) {
        String namespace = r.required("K8S_NAMESPACE");
        String dir = r.optional("WORKER_TEMPLATE_DIR", null);
        Path templateDir = dir == null ? null : Path.of(dir);
        if (templateDir != null && !Files.isDirectory(templateDir)) {
            r.problem("invalid WORKER_TEMPLATE_DIR: " + dir + " is not a readable directory");
        }
        String account = r.optional("WORKER_SERVICE_ACCOUNT", null);
        Integer ttl = r.parsed("WORKER_TTL_SECONDS_AFTER_FINISHED", Integer::valueOf, null);
        if (ttl != null && ttl < 0) {
            r.problem("invalid WORKER_TTL_SECONDS_AFTER_FINISHED: " + ttl + " is negative");
        }
        Integer backoff = r.parsed("WORKER_BACKOFF_LIMIT", Integer::valueOf, null);
        if (backoff != null && (backoff < 0 || backoff > 10)) {
            r.problem("invalid WORKER_BACKOFF_LIMIT: " + backoff + " not in [0, 10]");
        }
        int grace = r.intValue("WORKER_STOP_GRACE_MS", (int) DEFAULT_STOP_GRACE_MS, 0, 3_600_000);
        Map<String, String> images = images(env);
        for (String target : images.keySet()) {
            if (ServiceRegistry.find(target).filter(ServiceDescriptor::stepTarget).isEmpty()) {
                r.problem(
                        "invalid "
                                + imageVariable(target)
                                + ": "
                                + target
                                + " is no step target of the service registry");
            }
        }
        if (namespace == null) {
            return null;
        }
        return new KubernetesLauncherSettings(
                namespace, templateDir, account, images, ttl, backoff, grace);
    }

    /** WORKER_IMAGE_LOADER_API_CANDLES=img → {loader-api-candles: img}. */
    static Map<String, String> images(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        env.forEach(
                (k, v) -> {
                    if (k.startsWith(IMAGE_PREFIX) && v != null && !v.isBlank()) {
                        String target =
                                k.substring(IMAGE_PREFIX.length())
                                        .toLowerCase(Locale.ROOT)
                                        .replace('_', '-');
                        out.put(target, v.trim());
                    }
                });
        return out;
    }

    /**
     * The env variable holding a target's image: loader-api-candles →
     * WORKER_IMAGE_LOADER_API_CANDLES.
     */
    public static String imageVariable(String target) {
        return IMAGE_PREFIX + target.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
