package io.streamforge.visualizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON and RFC 9457 problem+json responses. */
final class Responses {
    static final String PROBLEM = "application/problem+json";
    static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    static void json(Context ctx, Object body) {
        ctx.status(HttpStatus.OK).contentType("application/json").result(write(body));
    }

    static void problem(Context ctx, int status, String detail, List<String> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "about:blank");
        m.put("title", HttpStatus.forStatus(status).getMessage());
        m.put("status", status);
        m.put("detail", detail);
        if (!fields.isEmpty()) {
            m.put("field", fields.get(0));
            List<Map<String, String>> params = new ArrayList<>();
            for (String f : fields) {
                params.add(Map.of("name", f, "reason", detail));
            }
            m.put("invalid_params", params);
        }
        m.put("instance", ctx.path());
        ctx.status(HttpStatus.forStatus(status)).contentType(PROBLEM).result(write(m));
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
