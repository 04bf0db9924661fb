package io.streamforge.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The stream control protocol: SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY /
 * GET_PROPERTY with {@code {"result":…,"id":…}} replies; errors as on the wire: {@code
 * {"error":{"code":n,"msg":"…"},"id":…}} with codes 0 (unknown property), 1 (value type), 2
 * (invalid request), 3 (invalid JSON).
 */
final class WsControl {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> METHODS =
            Set.of(
                    "SUBSCRIBE",
                    "UNSUBSCRIBE",
                    "LIST_SUBSCRIPTIONS",
                    "SET_PROPERTY",
                    "GET_PROPERTY");

    private WsControl() {}

    static String handle(WsSession session, String text, StreamHub hub) {
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            return error(
                    3,
                    "Invalid JSON: expected value at line "
                            + (loc == null ? 1 : loc.getLineNr())
                            + " column "
                            + (loc == null ? 1 : loc.getColumnNr()),
                    null);
        }
        if (n == null || !n.isObject()) {
            return error(3, "Invalid JSON: expected value at line 1 column 1", null);
        }
        JsonNode id = n.get("id");
        if (id != null && !validId(id)) {
            return error(2, "Invalid request: request ID must be an unsigned integer", null);
        }
        JsonNode method = n.get("method");
        if (method == null || !method.isTextual()) {
            return error(2, "Invalid request: missing field `method` at line 1 column 1", id);
        }
        String m = method.asText();
        if (!METHODS.contains(m)) {
            return error(
                    2,
                    "Invalid request: unknown variant `"
                            + m
                            + "`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`,"
                            + " `SET_PROPERTY`, `GET_PROPERTY`",
                    id);
        }
        JsonNode params = n.get("params");
        switch (m) {
            case "SUBSCRIBE":
            case "UNSUBSCRIBE":
                return subscribe(session, hub, m.equals("SUBSCRIBE"), params, id);
            case "LIST_SUBSCRIPTIONS":
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                session.streams().forEach(list::add);
                return result(list, id);
            default:
                return property(session, m.equals("SET_PROPERTY"), params, id);
        }
    }

    private static String subscribe(
            WsSession s, StreamHub hub, boolean add, JsonNode params, JsonNode id) {
        if (params == null || !params.isArray()) {
            return error(2, "Invalid request: params must be an array of stream names", id);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode p : params) {
            if (!p.isTextual() || (add && StreamName.parse(p.asText(), hub.model()) == null)) {
                return error(2, "Invalid request: invalid stream", id);
            }
            names.add(p.asText());
        }
        if (!add) {
            s.unsubscribe(names);
        } else if (!s.subscribe(names, hub.limits().maxStreamsPerConnection())) {
            return error(
                    2,
                    "Invalid request: too many streams (at most "
                            + hub.limits().maxStreamsPerConnection()
                            + " per connection)",
                    id);
        }
        return result(null, id);
    }

    private static String property(WsSession s, boolean set, JsonNode params, JsonNode id) {
        if (params == null || !params.isArray() || params.size() < 1) {
            return error(2, "Invalid request: property name must be a string", id);
        }
        if (params.size() > (set ? 2 : 1)) {
            return error(2, "Invalid request: too many parameters", id);
        }
        if (!params.get(0).isTextual()) {
            return error(2, "Invalid request: property name must be a string", id);
        }
        if (!params.get(0).asText().equals("combined")) {
            return error(0, "Unknown property", id);
        }
        if (!set) {
            return result(JsonNodeFactory.instance.booleanNode(s.combined()), id);
        }
        JsonNode v = params.get(1);
        if (v == null || !v.isBoolean()) {
            return error(1, "Invalid value type: expected Boolean", id);
        }
        s.combined(v.asBoolean());
        return result(null, id);
    }

    private static boolean validId(JsonNode id) {
        return id.isNull()
                || id.isIntegralNumber() && id.canConvertToLong()
                || id.isTextual() && id.asText().matches("[A-Za-z0-9]{1,36}");
    }

    private static String result(JsonNode result, JsonNode id) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("result", result == null ? JsonNodeFactory.instance.nullNode() : result);
        o.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        return o.toString();
    }

    private static String error(int code, String msg, JsonNode id) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ObjectNode e = o.putObject("error");
        e.put("code", code);
        e.put("msg", msg);
        o.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        return o.toString();
    }
}
