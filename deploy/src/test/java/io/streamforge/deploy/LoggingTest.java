package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Fluent-bit Lua filter under real lua5.4, and the shape of the Fluent-bit pipeline. */
class LoggingTest {
    private static final Path LOGGING = Tools.deployDir().resolve("logging");

    /** Expected names worked out by hand: 1735689600 = 2025-01-01T00:00:00Z. */
    @ParameterizedTest
    @CsvSource({
        "internal.queue-manager, 1735689600, streamforge-queue-manager-2025.01.01",
        "internal.loader-api-candles, 1735689599.999, streamforge-loader-api-candles-2024.12.31",
        "internal.gnn-trainer, 1709164800, streamforge-gnn-trainer-2024.02.29",
        "host.syslog, 1735732800, streamforge-syslog-2025.01.01",
        "host.nginx-access, 1735776000, streamforge-nginx-access-2025.01.02",
        "host.auth, 0, streamforge-auth-1970.01.01",
        "internal.Visualizer, 1735689600, streamforge-visualizer-2025.01.01",
        "internal.a.b, 1735689600, streamforge-a-b-2025.01.01",
        "kube, 1735689600, streamforge-kube-2025.01.01",
        "internal., 1735689600, streamforge-unknown-2025.01.01",
        "internal.weird/APP name, 1735689600, streamforge-weird-app-name-2025.01.01",
    })
    void callbackNamesTheIndexFromTagAndTimestamp(String tag, String ts, String expected) {
        assertThat(runFilter(tag, ts))
                .isEqualTo(expected + " " + expected.substring(0, expected.length() - 11) + " 2");
    }

    @Test
    void timestampAsTableAndPrefixFromTheEnvironment() {
        Tools.require("lua5.4");
        String script =
                "dofile('index-name.lua'); local c, t, r = set_index('internal.dummy-service', "
                        + "{sec=1735689600, nsec=999999999}, {log='x'}); print(r.es_index, r.log)";
        Tools.Result r =
                Tools.run(
                        LOGGING,
                        script,
                        List.of("env", "ES_INDEX_PREFIX=Homelab_Logs", "lua5.4", "-"));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout().strip()).isEqualTo("homelab-logs-dummy-service-2025.01.01\tx");
    }

    @Test
    void pipelineHasTheRequiredInputsFilterAndOutput() {
        String conf = Tools.read(LOGGING.resolve("fluent-bit.conf"));
        assertThat(conf).containsPattern("Name\\s+forward[\\s\\S]*Port\\s+24224");
        assertThat(conf)
                .contains("/var/log/syslog", "/var/log/nginx/access.log", "/var/log/auth.log");
        assertThat(conf)
                .containsPattern(
                        "Name\\s+lua[\\s\\S]*script\\s+/fluent-bit/etc/conf/index-name.lua[\\s\\S]*call\\s+set_index");
        assertThat(conf)
                .containsPattern("Name\\s+es")
                .contains("Logstash_Prefix_Key es_index_prefix");
        assertThat(conf).doesNotContainPattern("HTTP_Passwd\\s+[^$\\s]");
        String kustomization = Tools.read(LOGGING.resolve("kustomization.yaml"));
        assertThat(kustomization).contains("fluent-bit.conf", "parsers.conf", "index-name.lua");
        for (String parser : List.of("syslog-rfc3164-local", "nginx")) {
            assertThat(Tools.read(LOGGING.resolve("parsers.conf")))
                    .contains("Name        " + parser);
        }
    }

    @Test
    void indexTemplateMatchesTheIndexNames() throws IOException {
        JsonNode t = new ObjectMapper().readTree(LOGGING.resolve("index-template.json").toFile());
        assertThat(t.path("index_patterns").get(0).asText()).isEqualTo("streamforge-*");
        assertThat(t.at("/template/mappings/properties/@timestamp/type").asText())
                .isEqualTo("date");
        assertThat(t.at("/template/mappings/properties/queue_id/type").asText())
                .isEqualTo("keyword");
    }

    private static String runFilter(String tag, String ts) {
        Tools.require("lua5.4");
        String script =
                "dofile('index-name.lua'); local c, t, r = set_index(arg[1], tonumber(arg[2]), {}); "
                        + "print(r.es_index .. ' ' .. r.es_index_prefix .. ' ' .. c)";
        List<String> cmd = List.of("env", "-u", "ES_INDEX_PREFIX", "lua5.4", "-", tag, ts);
        Tools.Result r = Tools.run(LOGGING, script, cmd);
        assertThat(r.exitCode()).as(r.all()).isZero();
        return r.stdout().strip();
    }
}
