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

    /**
     * The seed's contract: {@code <tag part 1>-<tag part 2>-<yyyy.MM.dd>} in UTC, {@code
     * unknown-unknown-<date>} for fewer than two parts. Expected names worked out by hand:
     * 1754487910 = 2025-08-06T13:45:10Z, 1735689600 = 2025-01-01T00:00:00Z.
     */
    @ParameterizedTest
    @CsvSource({
        "internal.my-app, 1754487910, internal-my-app-2025.08.06",
        "internal.queue-manager, 1735689600, internal-queue-manager-2025.01.01",
        "internal.loader-api-candles, 1735689599.999, internal-loader-api-candles-2024.12.31",
        "internal.gnn-trainer, 1709164800, internal-gnn-trainer-2024.02.29",
        "host.syslog, 1735732800, host-syslog-2025.01.01",
        "host.nginx-access, 1735776000, host-nginx-access-2025.01.02",
        "host.auth, 0, host-auth-1970.01.01",
        "internal.Visualizer, 1735689600, internal-visualizer-2025.01.01",
        "internal.a.b, 1735689600, internal-a-2025.01.01",
        "internal.weird/APP name, 1735689600, internal-weird-app-name-2025.01.01",
        "kube, 1735689600, unknown-unknown-2025.01.01",
        "internal., 1735689600, unknown-unknown-2025.01.01",
        ".app, 1735689600, unknown-unknown-2025.01.01",
    })
    void callbackNamesTheIndexFromTagAndTimestamp(String tag, String ts, String expected) {
        String prefix = expected.substring(0, expected.length() - 11);
        assertThat(runFilter(tag, ts)).isEqualTo(expected + " " + prefix + " 2");
    }

    /** The seed's example with Fluent-bit's table timestamp; other fields are kept. */
    @Test
    void seedExampleWithATableTimestamp() {
        Tools.require("lua5.4");
        String script =
                "dofile('index-name.lua'); local c, t, r = cb_set_index('internal.my-app', "
                        + "{sec=1754524799, nsec=999999999}, {log='x'}); "
                        + "print(r.log_index, r.log, t.sec, c)";
        Tools.Result r = Tools.run(LOGGING, script, List.of("lua5.4", "-"));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout().strip()).isEqualTo("internal-my-app-2025.08.06\tx\t1754524799\t2");
    }

    @Test
    void pipelineHasTheRequiredInputsFilterAndOutput() {
        String conf = Tools.read(LOGGING.resolve("fluent-bit.conf"));
        assertThat(conf).containsPattern("Name\\s+forward[\\s\\S]*Port\\s+24224");
        assertThat(conf)
                .contains("/var/log/syslog", "/var/log/nginx/access.log", "/var/log/auth.log");
        assertThat(conf)
                .containsPattern(
                        "Name\\s+lua[\\s\\S]*script\\s+/fluent-bit/etc/conf/index-name.lua[\\s\\S]*call\\s+cb_set_index");
        // the es output writes to log_index: its prefix key + "-" + the same UTC date
        assertThat(conf)
                .containsPattern("Name\\s+es")
                .containsPattern("Logstash_Format\\s+On")
                .containsPattern("Logstash_Prefix_Key\\s+log_index_prefix")
                .containsPattern("Logstash_DateFormat\\s+%Y\\.%m\\.%d");
        assertThat(conf).doesNotContainPattern("HTTP_Passwd\\s+[^$\\s]");
        String kustomization = Tools.read(LOGGING.resolve("kustomization.yaml"));
        assertThat(kustomization).contains("fluent-bit.conf", "parsers.conf", "index-name.lua");
        for (String parser : List.of("syslog-rfc3164-local", "nginx")) {
            assertThat(Tools.read(LOGGING.resolve("parsers.conf")))
                    .contains("Name        " + parser);
        }
    }

    @Test
    void indexTemplateMatchesTheIndexNamesAndItsLifecyclePolicyIsDefined() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode t = json.readTree(LOGGING.resolve("index-template.json").toFile());
        assertThat(t.path("index_patterns"))
                .extracting(JsonNode::asText)
                .containsExactly("internal-*", "host-*", "unknown-unknown-*");
        assertThat(t.at("/template/mappings/properties/log_index/type").asText())
                .isEqualTo("keyword");
        String policyName = t.at("/template/settings/index.lifecycle.name").asText();
        assertThat(policyName).isEqualTo("streamforge-logs");
        JsonNode policy = json.readTree(LOGGING.resolve("ilm-policy.json").toFile());
        assertThat(policy.at("/policy/phases/delete/actions").has("delete")).isTrue();
        assertThat(Tools.read(Tools.deployDir().resolve("README.md")))
                .contains("_ilm/policy/" + policyName, "@deploy/logging/ilm-policy.json");
        assertThat(t.at("/template/mappings/properties/@timestamp/type").asText())
                .isEqualTo("date");
        assertThat(t.at("/template/mappings/properties/queue_id/type").asText())
                .isEqualTo("keyword");
    }

    private static String runFilter(String tag, String ts) {
        Tools.require("lua5.4");
        String script =
                "dofile('index-name.lua'); local c, t, r = cb_set_index(arg[1], tonumber(arg[2]), {}); "
                        + "print(r.log_index .. ' ' .. r.log_index_prefix .. ' ' .. c)";
        List<String> cmd = List.of("lua5.4", "-", tag, ts);
        Tools.Result r = Tools.run(LOGGING, script, cmd);
        assertThat(r.exitCode()).as(r.all()).isZero();
        return r.stdout().strip();
    }
}
