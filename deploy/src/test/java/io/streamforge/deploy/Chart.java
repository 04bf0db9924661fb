package io.streamforge.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Renders the StreamForge chart with the real Helm (helm-java) and parses it with fabric8. */
final class Chart {
    static final String RELEASE = "sf";
    static final String NAMESPACE = "streamforge";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Pattern DOC_SPLIT = Pattern.compile("(?m)^---\\s*$");

    private Chart() {}

    static Path dir() {
        return Tools.deployDir().resolve("helm/streamforge");
    }

    /** Rendered manifest text; valuesFile null = chart defaults only. */
    static String render(String valuesFile) {
        String key = valuesFile == null ? "<default>" : valuesFile;
        return CACHE.computeIfAbsent(
                key,
                k -> {
                    var cmd = template();
                    if (valuesFile != null) {
                        cmd = cmd.withValuesFile(dir().resolve(valuesFile));
                    }
                    return cmd.call();
                });
    }

    /**
     * A helm template command for the chart, release and target Kubernetes version of the tests.
     */
    static TemplateCommand template() {
        return new Helm(dir())
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.30.0");
    }

    /** Non-empty YAML documents of a rendering (comment-only documents dropped). */
    static List<String> documents(String rendered) {
        List<String> docs = new ArrayList<>();
        for (String doc : DOC_SPLIT.split(rendered)) {
            boolean hasContent =
                    doc.lines().anyMatch(l -> !l.isBlank() && !l.stripLeading().startsWith("#"));
            if (hasContent) {
                docs.add(doc);
            }
        }
        return docs;
    }

    static List<HasMetadata> objects(String valuesFile) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : documents(render(valuesFile))) {
            Object parsed = Serialization.unmarshal(doc);
            if (!(parsed instanceof HasMetadata hm)) {
                throw new IllegalStateException("not a Kubernetes object:\n" + doc);
            }
            out.add(hm);
        }
        return out;
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<HasMetadata> ofKind(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
    }
}
