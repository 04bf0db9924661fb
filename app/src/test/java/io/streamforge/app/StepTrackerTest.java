package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.app.cli.Progress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's view of a queue's steps as the API reports them while it polls. */
class StepTrackerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode steps(String... targetStatusRecords) throws Exception {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < targetStatusRecords.length; i += 3) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"target\":\"")
                    .append(targetStatusRecords[i])
                    .append("\",\"status\":\"")
                    .append(targetStatusRecords[i + 1])
                    .append("\",\"records_written\":")
                    .append(targetStatusRecords[i + 2])
                    .append('}');
        }
        return JSON.readTree(b.append(']').toString());
    }

    @Test
    void stepsKeepPipelineOrderRecordsAndExpectedTotals() throws Exception {
        StepTracker t = new StepTracker(Map.of("loader-api-candles", 1000L));
        t.update(steps("loader-api-candles", "running", "10", "arango-connector", "pending", "0"));
        List<Progress.Step> s = t.steps();
        assertThat(s)
                .extracting(Progress.Step::name)
                .containsExactly("loader-api-candles", "arango-connector");
        assertThat(s.get(0).status()).isEqualTo("running");
        assertThat(s.get(0).done()).isEqualTo(10);
        assertThat(s.get(0).total()).isEqualTo(1000);
        assertThat(s.get(1).total()).as("no expectation").isEqualTo(-1);
        assertThat(s.get(1).seconds()).as("a pending step has not started").isZero();
        assertThat(s.get(1).rate()).isZero();
    }

    @Test
    void aFinishedStepKeepsItsEndSoItsTimeStopsGrowing() throws Exception {
        StepTracker t = new StepTracker(Map.of());
        t.update(steps("graph-builder", "running", "0"));
        t.update(steps("graph-builder", "finished", "42"));
        double first = t.steps().get(0).seconds();
        long deadline = System.nanoTime() + 5_000_000_000L;
        long before = System.nanoTime();
        while (System.nanoTime() - before < 2_000_000 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // let the clock move on
        }
        t.update(steps("graph-builder", "finished", "42"));
        assertThat(t.steps().get(0).seconds()).isEqualTo(first);
        assertThat(t.steps().get(0).done()).isEqualTo(42);
        assertThat(t.steps().get(0).status()).isEqualTo("finished");
    }

    @Test
    void aStepSeenOnlyWhenAlreadyTerminalStartsAndEndsAtOnce() throws Exception {
        StepTracker t = new StepTracker(Map.of());
        t.update(steps("dummy-service", "failed", "3"));
        Progress.Step s = t.steps().get(0);
        assertThat(s.status()).isEqualTo("failed");
        assertThat(s.seconds()).isZero();
    }
}
