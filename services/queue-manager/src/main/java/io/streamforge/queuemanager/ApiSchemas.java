package io.streamforge.queuemanager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The component schemas of {@code /openapi.json}: requests, answers, step params per target. */
final class ApiSchemas {
    private ApiSchemas() {}

    static Map<String, Object> components(String issuerUrl) {
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("PipelineRequest", pipelineRequest());
        schemas.put("Step", step());
        for (String target : new TreeSet<>(Targets.ALL)) {
            schemas.put(paramsSchemaName(target), StepParams.schema(target));
        }
        schemas.put(
                "TestFlowRequest",
                typed("symbol:string records:integer ms_per_record:integer fail_after:integer"));
        schemas.put("StopRequest", typed("queue_id:string"));
        schemas.put(
                "Problem",
                typed(
                        "type:string title:string status:integer detail:string field:string"
                                + " instance:string"));
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"));
        if (issuerUrl != null) {
            security.put(
                    "oidc",
                    Map.of(
                            "type",
                            "openIdConnect",
                            "openIdConnectUrl",
                            issuerUrl + "/.well-known/openid-configuration"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "responses",
                Map.of(
                        "Problem",
                        Map.of(
                                "description",
                                "Problem (RFC 9457)",
                                "content",
                                Map.of(
                                        "application/problem+json",
                                        Map.of("schema", ApiDocs.ref("schemas", "Problem"))))));
        out.put("schemas", schemas);
        out.put("securitySchemes", security);
        return out;
    }

    static String paramsSchemaName(String target) {
        return "StepParams_" + target.replace('-', '_');
    }

    private static Map<String, Object> pipelineRequest() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("symbol", Map.of("type", "string", "example", "BTCUSDT"));
        props.put("symbols", Map.of("type", "array", "items", Map.of("type", "string")));
        props.put(
                "time_range",
                Map.of(
                        "type", "string",
                        "pattern", "^\\d{4}-\\d{2}-\\d{2}:\\d{4}-\\d{2}-\\d{2}$",
                        "example", "2024-01-01:2024-01-30"));
        props.put(
                "microservices",
                Map.of("type", "array", "minItems", 1, "items", ApiDocs.ref("schemas", "Step")));
        Map<String, Object> s = object(props);
        s.put("required", List.of("microservices"));
        return s;
    }

    private static Map<String, Object> step() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("target", Map.of("type", "string", "enum", new TreeSet<>(Targets.ALL)));
        props.put("type", Map.of("type", "string", "example", "candles"));
        props.put("interval", Map.of("type", "string", "example", "1m"));
        props.put(
                "image",
                Map.of(
                        "type", "string",
                        "deprecated", true,
                        "description",
                                "accepted only when equal to the target's job-template image"));
        props.put("collection_name", Map.of("type", "string"));
        props.put("collection_inputs", Map.of());
        props.put("collection_output", Map.of("type", "string"));
        props.put("model_output", Map.of("type", "string"));
        props.put("graph_collection", Map.of("type", "string"));
        props.put("depends_on", Map.of("type", "array", "items", Map.of("type", "string")));
        props.put(
                "params",
                Map.of(
                        "type", "object",
                        "description", "declared per target: see the StepParams_<target> schemas"));
        Map<String, Object> s = object(props);
        s.put("required", List.of("target"));
        List<Object> perTarget = new ArrayList<>();
        for (String target : new TreeSet<>(Targets.ALL)) {
            perTarget.add(
                    Map.of(
                            "if",
                            Map.of("properties", Map.of("target", Map.of("const", target))),
                            "then",
                            Map.of(
                                    "properties",
                                    Map.of(
                                            "params",
                                            ApiDocs.ref("schemas", paramsSchemaName(target))))));
        }
        s.put("allOf", perTarget);
        return s;
    }

    /** An object schema from {@code "name:type name:type …"}. */
    private static Map<String, Object> typed(String fields) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (String f : fields.split(" ")) {
            String[] nt = f.split(":");
            props.put(nt[0], Map.of("type", nt[1]));
        }
        return object(props);
    }

    private static Map<String, Object> object(Map<String, Object> props) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("additionalProperties", false);
        s.put("properties", props);
        return s;
    }
}
