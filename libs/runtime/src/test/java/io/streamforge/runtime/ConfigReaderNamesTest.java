package io.streamforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfigReader#asked()}: every variable looked up, set or not, in order; and a reader {@link
 * ConfigReader#forService for a service} refuses reads its registry descriptor does not allow.
 */
class ConfigReaderNamesTest {
    @Test
    void recordsEveryLookUpWhetherSetOrNot() {
        ConfigReader r = new ConfigReader(Map.of("A", "1", "UNREAD", "x"));
        r.required("A");
        r.optional("B", "d");
        r.intValue("C", 3, 0, 10);
        r.optionalSecret("D");
        r.parsed("E", Integer::valueOf, 0);
        assertThat(r.asked())
                .containsExactly("A", "B", "C", "D_FILE", "E")
                .doesNotContain("UNREAD");
        r.validate(); // an unchecked reader takes any name
    }

    @Test
    void aVariableTheDescriptorDoesNotDeclareIsAProblemNamingServiceAndVariable() {
        ConfigReader r = ConfigReader.forService("arango-connector", Map.of("POLL_MS", "100"));
        r.intValue("POLL_MS", 500, 1, 60_000);
        r.optional("SINK", "postgres"); // what the old chart set: nobody reads it
        assertThatThrownBy(r::validate)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "SINK is read by arango-connector but not declared in its descriptor")
                .hasMessageNotContaining("POLL_MS");
    }

    @Test
    void aDefaultThatDiffersFromTheRegistrysIsAProblem() {
        ConfigReader r = ConfigReader.forService("arango-connector", Map.of());
        r.intValue("POLL_MS", 250, 1, 60_000);
        assertThatThrownBy(r::validate)
                .hasMessageContaining(
                        "POLL_MS defaults to '250' in arango-connector but to '500' in the"
                                + " registry");
    }

    @Test
    void aComputedDefaultInTheRegistryAcceptsAnyCodeDefault() {
        // KAFKA_TOPIC defaults to "<queue id>": the code computes it
        ConfigReader r = ConfigReader.forService("arango-connector", Map.of());
        assertThat(r.optional("KAFKA_TOPIC", "q-123")).isEqualTo("q-123");
        r.validate();
    }

    @Test
    void aRequiredReadOfAnOptionalVariableIsAProblem() {
        ConfigReader r = ConfigReader.forService("graph-builder", Map.of("GRAPH_METHOD", "x"));
        r.required("GRAPH_METHOD");
        assertThatThrownBy(r::validate)
                .hasMessageContaining(
                        "GRAPH_METHOD is required by graph-builder but declared optional in the"
                                + " registry");
    }

    @Test
    void requiredWhenAndPrefixDeclarationsAreHonoured() {
        ConfigReader r =
                ConfigReader.forService(
                        "queue-manager",
                        Map.of("ARANGO_URL", "http://a:8529", "WORKER_IMAGE_LOADER_WS", "i"));
        r.required("ARANGO_URL"); // required when DB_KIND=arango
        r.optional("WORKER_IMAGE_LOADER_WS", null); // matches WORKER_IMAGE_*
        r.validate();
    }

    @Test
    void aServiceTheRegistryDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> ConfigReader.forService("no-such-service", Map.of()))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no service named 'no-such-service'");
    }
}
