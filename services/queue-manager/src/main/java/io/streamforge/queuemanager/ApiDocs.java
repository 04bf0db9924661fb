package io.streamforge.queuemanager;

import io.streamforge.runtime.auth.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /openapi.json}, generated: one {@link Operation} per registered route (method, path, the
 * role it needs, request schema, status codes), path parameters from the path, the step schema from
 * {@link Targets} and the per-target {@code params} from {@link StepParams}. {@code
 * OpenApiCompletenessTest} fails when a route registered in {@link ApiServer} has no operation here
 * (or the other way round) or when an answer's status is not listed.
 */
final class ApiDocs {
    /** One documented route; {@code role} null = public. */
    record Operation(
            String method,
            String path,
            String summary,
            Role role,
            String requestSchema,
            List<Integer> statuses) {}

    static final List<Operation> OPERATIONS =
            List.of(
                    op(
                            "post",
                            "/queues/start-pipeline",
                            "Start a pipeline",
                            Role.OPERATOR,
                            "PipelineRequest",
                            201,
                            400,
                            413,
                            422),
                    op(
                            "post",
                            "/queues/start-test-flow",
                            "Start a dummy-service pipeline (protocol test)",
                            Role.OPERATOR,
                            "TestFlowRequest",
                            201,
                            400,
                            413),
                    op("get", "/queues", "List queues, newest first", Role.VIEWER, null, 200),
                    op("get", "/queues/list", "List queues (seed path)", Role.VIEWER, null, 200),
                    op(
                            "get",
                            "/queues/{id}",
                            "One queue with its steps",
                            Role.VIEWER,
                            null,
                            200,
                            404),
                    op(
                            "post",
                            "/queues/{id}/stop",
                            "Stop a queue (control command, then job deletion)",
                            Role.OPERATOR,
                            null,
                            202,
                            404),
                    op(
                            "post",
                            "/queues/{id}/resume",
                            "Resume an interrupted or failed queue under its id (its unfinished"
                                    + " steps run again as a new attempt)",
                            Role.OPERATOR,
                            null,
                            200,
                            404,
                            409),
                    op(
                            "post",
                            "/queues/stop",
                            "Stop a queue (seed path, body {queue_id})",
                            Role.OPERATOR,
                            "StopRequest",
                            202,
                            400,
                            404,
                            413),
                    op(
                            "get",
                            "/queues/{id}/coverage",
                            "Coverage ledger of a queue: received ranges per source and gaps",
                            Role.VIEWER,
                            null,
                            200,
                            404),
                    op(
                            "get",
                            "/queues/{id}/events",
                            "Server-sent events: the queue, then its telemetry",
                            Role.VIEWER,
                            null,
                            200),
                    op(
                            "get",
                            "/queues/events",
                            "Server-sent events of every queue (one connection); resumes after"
                                    + " Last-Event-ID, a slow client is dropped",
                            Role.VIEWER,
                            null,
                            200),
                    op(
                            "get",
                            "/health/live",
                            "Liveness (503 when the process must restart)",
                            null,
                            null,
                            200,
                            503),
                    op(
                            "get",
                            "/health/ready",
                            "Readiness (503 when Kafka, the database or the telemetry loop is down)",
                            null,
                            null,
                            200,
                            503),
                    op("get", "/health/startup", "Startup", null, null, 200),
                    op("get", "/metrics", "Prometheus metrics (text/plain)", null, null, 200),
                    op("get", "/openapi.json", "This document", null, null, 200),
                    op("get", "/docs", "This document as a page", null, null, 200));

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

    private ApiDocs() {}

    private static Operation op(
            String method, String path, String summary, Role role, String body, Integer... st) {
        return new Operation(method, path, summary, role, body, List.of(st));
    }

    /** Status codes an operation may answer: its own plus 401/403/503 when it needs a role. */
    static List<Integer> statuses(Operation o) {
        TreeSet<Integer> all = new TreeSet<>(o.statuses());
        if (o.role() != null) {
            all.addAll(List.of(401, 403, 503));
        }
        return List.copyOf(all);
    }

    static Map<String, Object> document(String issuerUrl) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Operation o : OPERATIONS) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item =
                    (Map<String, Object>)
                            paths.computeIfAbsent(o.path(), k -> new LinkedHashMap<>());
            item.put(o.method(), operation(o));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put(
                "info",
                Map.of(
                        "title", "StreamForge queue-manager",
                        "version", "0.1.0",
                        "description",
                                "Starts, lists, follows and stops pipelines. Errors are RFC 9457"
                                        + " application/problem+json naming the field. Routes with"
                                        + " x-required-role need an OIDC bearer token carrying"
                                        + " that role or a higher one (viewer < operator <"
                                        + " admin)."));
        doc.put("paths", paths);
        doc.put("components", ApiSchemas.components(issuerUrl));
        return doc;
    }

    private static Map<String, Object> operation(Operation o) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", o.summary());
        List<Object> params = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(o.path());
        while (m.find()) {
            params.add(
                    Map.of(
                            "name",
                            m.group(1),
                            "in",
                            "path",
                            "required",
                            true,
                            "schema",
                            Map.of("type", "string")));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (o.role() != null) {
            op.put("security", List.of(Map.of("bearer", List.of())));
            op.put("x-required-role", o.role().claimValue());
        }
        if (o.requestSchema() != null) {
            op.put(
                    "requestBody",
                    Map.of(
                            "required",
                            o.requestSchema().equals("PipelineRequest"),
                            "content",
                            Map.of(
                                    "application/json",
                                    Map.of("schema", ref("schemas", o.requestSchema())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        for (int status : statuses(o)) {
            responses.put(
                    Integer.toString(status),
                    status >= 400
                            ? ref("responses", "Problem")
                            : Map.of("description", o.summary()));
        }
        op.put("responses", responses);
        return op;
    }

    static Map<String, Object> ref(String kind, String name) {
        return Map.of("$ref", "#/components/" + kind + "/" + name);
    }
}
