package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The mapping table's precedence, its edge values and its printed form. */
class HostMapTest {

    @Test
    void theLongestMatchingRuleWinsWhateverTheOrderTheyWereAddedIn() {
        HostMap m =
                new HostMap()
                        .add("minio.dmz.home", "127.0.0.1:9000", "S3 host")
                        .add("https://minio.dmz.home", "http://127.0.0.1:9001", "S3 URL");
        assertThat(m.remap("https://minio.dmz.home/bucket"))
                .isEqualTo("http://127.0.0.1:9001/bucket");
        assertThat(m.remap("minio.dmz.home")).isEqualTo("127.0.0.1:9000");
        assertThat(m.rules().get(0).from())
                .as("rules are kept longest first")
                .isEqualTo("https://minio.dmz.home");
    }

    @Test
    void aRuleAddedAgainReplacesTheEarlierOne() {
        HostMap m =
                new HostMap().add("kafka:9092", "a:1", "first").add("kafka:9092", "b:2", "second");
        assertThat(m.rules()).containsExactly(new HostMap.Rule("kafka:9092", "b:2", "second"));
        assertThat(m.remap("kafka:9092")).isEqualTo("b:2");
    }

    @Test
    void hostsInsideLongerNamesAndEmptyOrMissingValuesStayAsTheyAre() {
        HostMap m = new HostMap().add("db.svc", "127.0.0.1", "database");
        assertThat(m.remap("jdbc:postgresql://db.svc:5432/x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x");
        assertThat(m.remap("mydb.svc")).isEqualTo("mydb.svc");
        assertThat(m.remap("db.svc.cluster.local")).isEqualTo("db.svc.cluster.local");
        assertThat(m.remap("db.svc2")).isEqualTo("db.svc2");
        assertThat(m.remap("")).isEmpty();
        assertThat(m.remap(null)).isNull();
        m.setVariable("FLUENT_PORT", "4711", "receiver");
        assertThat(m.value("FLUENT_PORT", null))
                .as("an override never invents a variable the container does not set")
                .isNull();
    }

    @Test
    void theTablePrintsEveryRuleAndOverrideGroupedByWhatItStandsFor() {
        HostMap m =
                new HostMap()
                        .add("k3-kafka-bootstrap.kafka:9093", "localhost:40000", "Kafka")
                        .add("https://keycloak.dmz.home", "http://127.0.0.1:8180", "Keycloak")
                        .setVariable("FLUENT_PORT", "4711", "Fluent-bit receiver");
        var buf = new ByteArrayOutputStream();
        m.print(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).startsWith("Host and path mapping");
        assertThat(lines).hasSize(4);
        assertThat(String.join("\n", lines))
                .contains("k3-kafka-bootstrap.kafka:9093")
                .contains("localhost:40000")
                .contains("https://keycloak.dmz.home")
                .contains("env FLUENT_PORT");
    }
}
