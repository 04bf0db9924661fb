package io.streamforge.visualizer;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import io.streamforge.domain.port.ModelRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /api/models} (the runs of a model) and {@code /api/models/{run}} (one run's metrics vs the
 * baselines, read from the {@code metadata.json} that gnn-trainer uploads). The model name is the
 * {@code name} query parameter, else the configured {@code MODEL_NAME}; {@code latest} as run means
 * the newest run.
 */
final class ModelRoutes {
    static final String METADATA = "metadata.json";
    static final String LATEST = "latest";

    /** gnn writes NaN as a string or a bare token depending on the generator: accept both. */
    private static final ObjectMapper LENIENT =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final ModelRepository models;
    private final String defaultName;

    ModelRoutes(ModelRepository models, String defaultName) {
        this.models = models;
        this.defaultName = defaultName;
    }

    void list(Context ctx) {
        String name = name(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        List<String> runs = models.list(name);
        body.put("runs", runs);
        body.put("latest", runs.isEmpty() ? null : runs.get(runs.size() - 1));
        Responses.json(ctx, body);
    }

    void get(Context ctx) {
        String name = name(ctx);
        String run = run(name, ctx.pathParam("run"));
        Map<String, byte[]> files;
        try {
            files = models.get(name, run);
        } catch (NoSuchElementException e) {
            throw ApiProblem.notFound("run", "no run " + run + " of model " + name);
        }
        byte[] metadata = files.get(METADATA);
        if (metadata == null) {
            throw new ApiProblem(
                    422, "run " + run + " of model " + name + " has no " + METADATA, "run");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("run", run);
        List<Map<String, Object>> list = new ArrayList<>();
        files.forEach((f, bytes) -> list.add(Map.of("name", f, "bytes", bytes.length)));
        body.put("files", list);
        body.putAll(summary(parse(name, run, metadata)));
        Responses.json(ctx, body);
    }

    private String name(Context ctx) {
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank()) {
            name = defaultName;
        }
        if (name == null) {
            throw ApiProblem.badRequest(
                    "name", "missing query parameter name (no MODEL_NAME is configured)");
        }
        try {
            return ModelRepository.checkName("model name", name.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("name", e.getMessage());
        }
    }

    private String run(String name, String run) {
        if (LATEST.equals(run)) {
            List<String> runs = models.list(name);
            if (runs.isEmpty()) {
                throw ApiProblem.notFound("run", "model " + name + " has no runs");
            }
            return runs.get(runs.size() - 1);
        }
        try {
            return ModelRepository.checkName("run", run);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("run", e.getMessage());
        }
    }

    private static JsonNode parse(String name, String run, byte[] metadata) {
        try {
            return LENIENT.readTree(metadata);
        } catch (IOException e) {
            throw new ApiProblem(
                    422, METADATA + " of " + name + "/" + run + ": " + e.getMessage(), "run");
        }
    }

    /** The parts of libs/gnn's {@code ModelMetadata} the UI shows, in snake_case. */
    static Map<String, Object> summary(JsonNode meta) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_type", text(meta.path("modelType")));
        m.put("nodes", strings(meta.path("nodeNames")));
        m.put("features", strings(meta.path("featureNames")));
        m.put("classes", strings(meta.path("classNames")));
        m.put("label_horizon_steps", meta.path("labelHorizonSteps").asInt());
        JsonNode r = meta.path("report");
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test", metrics(r.path("test")));
        metrics.put("validation", metrics(r.path("validation")));
        metrics.put("majority_baseline", metrics(r.path("majorityBaseline")));
        metrics.put("persistence_baseline", metrics(r.path("persistenceBaseline")));
        m.put("metrics", metrics);
        Double test = number(r.path("test").path("macroF1"));
        Double majority = number(r.path("majorityBaseline").path("macroF1"));
        Double persistence = number(r.path("persistenceBaseline").path("macroF1"));
        m.put(
                "macro_f1_margin_over_baselines",
                test == null || majority == null || persistence == null
                        ? null
                        : test - Math.max(majority, persistence));
        m.put("epochs_run", r.path("epochsRun").asInt());
        m.put("best_epoch", r.path("bestEpoch").asInt());
        m.put("stopped_early", r.path("stoppedEarly").asBoolean());
        m.put("training_ms", r.path("trainingMillis").asLong());
        m.put("seed", meta.path("seed").asLong());
        m.put("history", history(r.path("history")));
        return m;
    }

    private static Map<String, Object> metrics(JsonNode c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", number(c.path("accuracy")));
        m.put("macro_f1", number(c.path("macroF1")));
        m.put("samples", c.path("samples").asInt());
        return m;
    }

    private static List<Map<String, Object>> history(JsonNode epochs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode e : epochs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", e.path("epoch").asInt());
            m.put("train_loss", number(e.path("trainLoss")));
            m.put("val_loss", number(e.path("validationLoss")));
            m.put("val_accuracy", number(e.path("validationAccuracy")));
            m.put("val_macro_f1", number(e.path("validationMacroF1")));
            out.add(m);
        }
        return out;
    }

    /** A finite number, else null (JSON has no NaN). */
    private static Double number(JsonNode n) {
        if (!n.isNumber()) {
            return null;
        }
        double v = n.asDouble();
        return Double.isFinite(v) ? v : null;
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
