package io.streamforge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.domain.Micros;
import io.streamforge.domain.TimeRange;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /sim/faults}: applies any subset of a JSON object to {@link Faults}. All fields are
 * validated before anything changes, so a bad body (400) changes nothing.
 */
final class FaultsAdmin {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS =
            Set.of(
                    "errorRate",
                    "errorStatus",
                    "latencyMs",
                    "weightLimitPerMinute",
                    "clear",
                    "wsDropEveryMs",
                    "wsDropNow",
                    "wsRotateNow",
                    "serverShutdown",
                    "depthGap",
                    "maintenance",
                    "invalidAggTradeFraction",
                    "microsSwitchDate",
                    "missingDumpFiles",
                    "corruptDumpChecksums");

    private FaultsAdmin() {}

    /** Applies the body; throws IllegalArgumentException naming the bad field. */
    static void apply(Faults faults, String body) {
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        n.fieldNames()
                .forEachRemaining(
                        f -> {
                            if (!FIELDS.contains(f)) {
                                throw new IllegalArgumentException(
                                        "unknown field '" + f + "'; known: " + FIELDS);
                            }
                        });
        List<TimeRange> windows = n.has("maintenance") ? windows(n.get("maintenance")) : null;
        LocalDate switchDate = null;
        if (n.has("microsSwitchDate")) {
            try {
                switchDate = LocalDate.parse(n.get("microsSwitchDate").asText());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("microsSwitchDate must be YYYY-MM-DD");
            }
        }
        Long shutdownGraceMs =
                n.has("serverShutdown") ? shutdownGrace(n.get("serverShutdown")) : null;
        if (n.path("clear").asBoolean(false)) faults.clear();
        if (n.has("errorRate")) faults.errorRate(n.get("errorRate").asDouble());
        if (n.has("errorStatus")) faults.errorStatus(n.get("errorStatus").asInt());
        if (n.has("latencyMs")) faults.latencyMs(n.get("latencyMs").asLong());
        if (n.has("weightLimitPerMinute")) {
            faults.weightLimitPerMinute(n.get("weightLimitPerMinute").asInt());
        }
        if (n.has("wsDropEveryMs")) faults.dropWebSocketsEveryMs(n.get("wsDropEveryMs").asLong());
        if (n.has("invalidAggTradeFraction")) {
            faults.invalidAggTrades(n.get("invalidAggTradeFraction").asDouble());
        }
        if (windows != null) faults.maintenance(windows);
        if (switchDate != null) faults.microsSwitchDate(switchDate);
        if (n.has("missingDumpFiles")) faults.missingDumpFiles(names(n, "missingDumpFiles"));
        if (n.has("corruptDumpChecksums")) {
            faults.corruptDumpChecksums(names(n, "corruptDumpChecksums"));
        }
        if (n.path("depthGap").asBoolean(false)) faults.depthSequenceGap();
        if (n.path("wsDropNow").asBoolean(false)) faults.dropWebSocketsNow();
        if (n.path("wsRotateNow").asBoolean(false)) faults.rotateWebSocketsNow();
        if (shutdownGraceMs != null) faults.serverShutdown(shutdownGraceMs);
    }

    /**
     * {@code true} (grace 0), {@code false} (nothing) or {@code {"grace_ms": n}}; null = nothing.
     */
    private static Long shutdownGrace(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? 0L : null;
        }
        JsonNode g = v.path("grace_ms");
        if (!v.isObject() || !g.canConvertToLong() || !g.isIntegralNumber() || v.size() != 1) {
            throw new IllegalArgumentException(
                    "serverShutdown must be true or {\"grace_ms\": n} with an integer n");
        }
        long ms = g.asLong();
        if (ms < 0 || ms > 600_000) {
            throw new IllegalArgumentException(
                    "serverShutdown grace_ms must be in [0, 600000], got " + ms);
        }
        return ms;
    }

    /** {@code [{"start":ms,"end":ms},…]} (ms or µs, end exclusive). */
    private static List<TimeRange> windows(JsonNode a) {
        if (!a.isArray()) {
            throw new IllegalArgumentException("maintenance must be an array of {start,end}");
        }
        List<TimeRange> out = new ArrayList<>();
        for (JsonNode w : a) {
            if (!w.path("start").canConvertToLong() || !w.path("end").isIntegralNumber()) {
                throw new IllegalArgumentException(
                        "maintenance entries need integer start and end (ms)");
            }
            long s = Micros.fromMsOrUs(w.get("start").asLong());
            long e = Micros.fromMsOrUs(w.get("end").asLong());
            if (e <= s) {
                throw new IllegalArgumentException("maintenance window end must be after start");
            }
            out.add(new TimeRange(s, e));
        }
        return out;
    }

    private static Set<String> names(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (!a.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of file names");
        }
        Set<String> out = new LinkedHashSet<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }
}
