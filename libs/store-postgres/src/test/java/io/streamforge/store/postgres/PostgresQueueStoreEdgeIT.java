package io.streamforge.store.postgres;

import static io.streamforge.testkit.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link PostgresQueueStore} beyond the shared contract: text arrays and races (bad step lists are
 * in the contract).
 */
class PostgresQueueStoreEdgeIT {
    private final PostgresQueueStore store = emptyStore();

    private static PostgresQueueStore emptyStore() {
        PostgresTestDb.truncateAll();
        return new PostgresQueueStore(PostgresTestDb.dataSource());
    }

    private static StepRecord step(String queueId, String telemetryId, Map<String, String> env) {
        return new StepRecord(
                queueId,
                "loader-ws",
                "trades",
                telemetryId,
                "job-" + telemetryId,
                List.of(),
                StepStatus.PENDING,
                0,
                "",
                T0_US,
                0,
                LaunchState.NONE,
                0,
                "streamforge/loader-ws:1.0",
                env);
    }

    @Test
    void envValuesSymbolsAndSpecJsonWithArraySyntaxRoundTripVerbatim() {
        Map<String, String> env =
                Map.of(
                        "FILTER", "a=b=c",
                        "EMPTY", "",
                        "QUOTED", "say \"hi\", {x} \\ NULL",
                        "NULL_WORD", "NULL",
                        "UNICODE", "κλίμα ✓\nline 2");
        String spec = "{ \"symbols\" : [\"BTCUSDT\"],\n  \"note\" : \"ü, {NULL}\" }";
        QueueRecord q =
                Fixtures.queue("q-env", T0_US).withSteps(List.of(step("q-env", "q-env-ws", env)));
        q =
                new QueueRecord(
                        q.queueId(),
                        q.shortId(),
                        List.of("BTCUSDT", "1000SATSUSDT", "ETHBTC"),
                        q.type(),
                        q.timeRange(),
                        q.kafkaTopic(),
                        q.collectionName(),
                        q.status(),
                        q.createdAtUs(),
                        q.updatedAtUs(),
                        spec,
                        q.steps());
        store.create(q);
        QueueRecord back = store.find("q-env").orElseThrow();
        assertThat(back).isEqualTo(q);
        assertThat(back.steps().get(0).env()).containsExactlyInAnyOrderEntriesOf(env);
        assertThat(back.specJson()).isEqualTo(spec);
        assertThat(back.symbols()).containsExactly("BTCUSDT", "1000SATSUSDT", "ETHBTC");
    }

    @Test
    void eightConcurrentClaimsOfOneAttemptHaveExactlyOneWinner() throws Exception {
        store.create(Fixtures.queue("q-race", T0_US));
        String step = "q-race-loader";
        AtomicInteger won = new AtomicInteger();
        PostgresTestDb.inParallel(
                8,
                w -> {
                    if (store.claimLaunch("q-race", step, 1, T0_US + w)) {
                        won.incrementAndGet();
                    }
                });
        assertThat(won).hasValue(1);
        assertThat(store.claimLaunch("q-race", step, 1, T0_US + 9)).isFalse();
        assertThat(store.markLaunched("q-race", step, 2, T0_US + 10)).isFalse();
        assertThat(store.markLaunched("q-race", step, 1, T0_US + 10)).isTrue();
        assertThat(store.markLaunched("q-race", step, 1, T0_US + 11)).isFalse();
        StepRecord s = store.find("q-race").orElseThrow().steps().get(0);
        assertThat(s.attempt()).isEqualTo(1);
        assertThat(s.launch()).isEqualTo(LaunchState.LAUNCHED);
        assertThat(s.updatedAtUs()).isEqualTo(T0_US + 10);
        // the other step of the queue was not touched by any of it
        assertThat(store.find("q-race").orElseThrow().steps().get(1).launch())
                .isEqualTo(LaunchState.NONE);
    }
}
