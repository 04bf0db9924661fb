package io.streamforge.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.ApiClient;
import io.streamforge.app.LocalPlatform;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real outage of one part of the local platform in the middle of a 5-symbol pipeline: {@link
 * #stop} it once part of the load is stored, keep it down at least 10 s, {@link #start} it again on
 * the same port and folder; the pipeline must finish with exactly the simulator's records, and the
 * queue-manager's {@code /health/ready} must have gone DOWN and back UP.
 */
abstract class OutageScenario {
    private static final FiveSymbolLoad LOAD = new FiveSymbolLoad("2024-07-01:2024-07-03");
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    /** Takes the part down (clients see connection failures). */
    abstract void stop(LocalPlatform platform);

    /** Brings it back on the same port and data folder. */
    abstract void start(LocalPlatform platform);

    void pipelineSurvivesTheOutageExactly() throws Exception {
        try (LocalPlatform platform =
                Await.platform(SimConfig.defaults().withSymbols(FiveSymbolLoad.SYMBOLS))) {
            ApiClient api = new ApiClient(platform.apiUrl());
            List<Integer> readiness = new CopyOnWriteArrayList<>();
            Thread probe = probeReadiness(api, readiness);
            try {
                var created = api.post("/queues/start-pipeline", LOAD.pipeline());
                assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
                String queueId = created.body().get("queue_id").asText();
                MarketModel model = platform.simulator().model();
                long expected = LOAD.expected(model);
                MarketDataStore store = platform.stores().marketData();
                Await.until(
                        () -> FiveSymbolLoad.stored(store) >= expected / 20,
                        Await.LONG,
                        "part of the load");

                stop(platform);
                long downAt = System.nanoTime(); // down from here on
                Await.until(() -> readiness.contains(503), Await.LONG, "readiness DOWN");
                long left = OUTAGE.toNanos() - (System.nanoTime() - downAt);
                if (left > 0) {
                    Thread.sleep(left / 1_000_000 + 1); // the outage lasts at least OUTAGE
                }
                start(platform);

                var end = Await.status(api, queueId, "finished", Duration.ofMinutes(5));
                assertThat(end.get("steps"))
                        .allMatch(s -> s.get("status").asText().equals("finished"));
                Await.until(
                        () -> readiness.get(readiness.size() - 1) == 200,
                        Await.LONG,
                        "readiness UP again");
                assertThat(readiness)
                        .as("readiness transitions")
                        .containsSubsequence(200, 503, 200);
                LOAD.assertExactly(store, model);
            } finally {
                probe.interrupt();
                probe.join(10_000);
            }
        }
    }

    /** Polls {@code /health/ready}, recording each change of its HTTP status. */
    private static Thread probeReadiness(ApiClient api, List<Integer> transitions) {
        Thread t =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                int code;
                                try {
                                    code = api.get("/health/ready").status();
                                } catch (RuntimeException e) {
                                    code = -1;
                                }
                                if (transitions.isEmpty()
                                        || transitions.get(transitions.size() - 1) != code) {
                                    transitions.add(code);
                                }
                                try {
                                    Thread.sleep(200);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "readiness-probe");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
