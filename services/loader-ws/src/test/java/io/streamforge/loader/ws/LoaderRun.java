package io.streamforge.loader.ws;

import io.streamforge.domain.port.TimeSource;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runs loader-ws through {@link WorkerRunner#run} on a background thread. */
final class LoaderRun {
    private LoaderRun() {}

    static Map<String, String> env(
            EmbeddedKafkaBroker kafka,
            String queueId,
            String symbols,
            String wsUrl,
            String restUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", queueId);
        env.put("SYMBOLS", symbols);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("HTTP_PORT", "0");
        env.put("BINANCE_WS_URL", wsUrl);
        env.put("BINANCE_BASE_URL", restUrl);
        env.put("BINANCE_RETRY_BACKOFF_MS", "20");
        env.put("BINANCE_MAX_RETRIES", "8");
        env.put("WS_RECONNECT_BACKOFF_MS", "50");
        env.put("WS_RECONNECT_MAX_BACKOFF_MS", "400");
        env.put("WS_CONNECT_TIMEOUT_MS", "5000");
        env.put("WS_IDLE_TIMEOUT_MS", "5000");
        return env;
    }

    static CompletableFuture<Integer> start(Map<String, String> env, TimeSource time) {
        return CompletableFuture.supplyAsync(
                () ->
                        WorkerRunner.run(
                                WsLoaderWorker.SERVICE,
                                env,
                                true,
                                WsLoaderWorker::create,
                                new StopSignal(),
                                time),
                r -> new Thread(r, "loader-ws-under-test").start());
    }
}
