package io.streamforge.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docs/environment.md} is the registry rendered: no hand edits, no stale tables. */
class EnvTableTest {
    private static final Path DOC = Path.of("../../docs/environment.md");

    @Test
    void theDocsTableIsTheRegistryRendered() throws Exception {
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(
                        "docs/environment.md differs from the registry; regenerate it: ./mvnw -q -o"
                                + " -pl libs/registry compile && java -cp"
                                + " libs/registry/target/classes io.streamforge.registry.EnvTable"
                                + " docs/environment.md")
                .isEqualTo(EnvTable.markdown());
    }

    @Test
    void aServiceSectionListsEveryVariableWithItsNeedAndDefault() {
        String connector = EnvTable.service(ServiceRegistry.of("arango-connector"));
        assertThat(connector)
                .contains("## arango-connector")
                .contains("Kind: job; a pipeline step may run it.")
                .contains("| `KAFKA_BOOTSTRAP_SERVERS` | required |  |")
                .contains("| `EXPECTED_PRODUCERS` | launch when `CONNECTOR_MODE=queue` |  |")
                .contains("| `KAFKA_TOPICS` | required when `CONNECTOR_MODE=live` |  |")
                .contains("| `POLL_MS` | optional | `500` |")
                .contains("| `poll_ms` | `POLL_MS` | integer 1 … 60000 | Kafka poll timeout |");
        for (EnvVar v : ServiceRegistry.of("arango-connector").env()) {
            assertThat(connector).contains("| `" + v.name() + "` |");
        }
    }

    @Test
    void theQueueManagerIsNoStepTargetAndPatternsAreEscapedInTables() {
        assertThat(EnvTable.service(ServiceRegistry.of("queue-manager")))
                .contains("Kind: deployment.\n")
                .doesNotContain("step param");
        assertThat(EnvTable.service(ServiceRegistry.of("graph-builder")))
                .contains("`mst\\|threshold:[0-9.]{1,8}\\|topk:[0-9]{1,4}`")
                .contains("`pearson` \\| `spearman`");
    }

    @Test
    void theGeneratorWritesTheReferenceToTheGivenFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("environment.md");
        EnvTable.main(new String[] {out.toString()});
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(EnvTable.markdown());
        assertThat(EnvTable.markdown())
                .startsWith("# Service environment\n")
                .contains("`HOME`, `JAVA_TOOL_OPTIONS`, `SERVICE_NAME`");
        for (ServiceDescriptor d : ServiceRegistry.all()) {
            assertThat(EnvTable.markdown()).contains("\n## " + d.name() + "\n");
            assertThat(d.image()).isEqualTo(d.name());
        }
    }
}
