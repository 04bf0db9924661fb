package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.queuemanager.Targets;
import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import io.streamforge.runtime.StopSignal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local launcher runs exactly the registry's step targets, the queue-manager's targets. */
class WorkerEntriesTest {
    @Test
    void everyStepTargetOfTheRegistryHasAnEntryAndNothingElseDoes() {
        assertThat(WorkerEntries.all().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        ServiceRegistry.targets().stream().map(ServiceDescriptor::name).toList())
                .containsExactlyInAnyOrderElementsOf(Targets.ALL)
                .doesNotContain("queue-manager");
    }

    @Test
    void aTargetWithoutAnEntryIsNamedInTheError() {
        assertThatThrownBy(() -> WorkerEntries.entry("order-book-loader"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step target order-book-loader has no in-process entry");
    }

    @Test
    void aWorkerEntryReadsItsSettingsHeldToTheDescriptor() {
        // no Kafka, no QUEUE_ID: the worker refuses with exit 2 before connecting anywhere
        int code = WorkerEntries.all().get("dummy-service").run(Map.of(), new StopSignal());
        assertThat(code).isEqualTo(2);
    }
}
