package io.streamforge.app;

import io.streamforge.connector.ConnectorWorker;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.loader.ws.WsLoaderWorker;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The live path of ADR 3001, locally: {@code loader-ws} in {@code LOADER_MODE=live} writing the
 * stable topics {@code live.<stream>} and {@code arango-connector} members in {@code
 * CONNECTOR_MODE=live} of the one group {@link #GROUP_ID}, with the variables the chart's
 * Deployments set. Used by {@code streamforge up --live} and {@code LiveIngestionIT}.
 */
public final class LiveIngestion implements AutoCloseable {
    public static final String QUEUE_ID = "live";
    public static final String TOPIC_PREFIX = "live";
    public static final String GROUP_ID = "streamforge-connector-live";
    public static final List<String> STREAMS = List.of("aggTrade", "kline_1m");

    private final List<StopSignal> stops = new ArrayList<>();
    private final List<CompletableFuture<Integer>> runs = new ArrayList<>();

    private LiveIngestion() {}

    /** The stable topics of {@link #STREAMS}: {@code live.aggTrade}, {@code live.kline_1m}. */
    public static List<String> topics() {
        return STREAMS.stream().map(s -> TOPIC_PREFIX + "." + s).toList();
    }

    /** loader-ws, live: the platform's env plus symbols and streams. */
    public static Map<String, String> loaderEnv(
            Map<String, String> platform, List<Symbol> symbols) {
        Map<String, String> env = new HashMap<>(platform);
        env.put("LOADER_MODE", "live");
        env.put("LIVE_TOPIC_PREFIX", TOPIC_PREFIX);
        env.put("QUEUE_ID", QUEUE_ID);
        env.put("TELEMETRY_ID", "loader-ws__live");
        env.put("SYMBOLS", symbols.stream().map(Symbol::value).collect(Collectors.joining(",")));
        env.put("STREAMS", String.join(",", STREAMS));
        env.put("HTTP_PORT", "0");
        return env;
    }

    /** One member of the live connector group ({@code memberId} names its telemetry/client). */
    public static Map<String, String> connectorEnv(Map<String, String> platform, String memberId) {
        Map<String, String> env = new HashMap<>(platform);
        env.put("CONNECTOR_MODE", "live");
        env.put("KAFKA_TOPICS", String.join(",", topics()));
        env.put("GROUP_ID", GROUP_ID);
        env.put("QUEUE_ID", QUEUE_ID);
        env.put("TELEMETRY_ID", "arango-connector__" + memberId);
        env.put("HTTP_PORT", "0");
        return env;
    }

    /** Starts the live loader and {@code connectors} connector members on background threads. */
    public static LiveIngestion start(
            Map<String, String> platform, List<Symbol> symbols, int connectors, TimeSource time) {
        LiveIngestion live = new LiveIngestion();
        live.run(
                WsLoaderWorker.SERVICE,
                loaderEnv(platform, symbols),
                true,
                WsLoaderWorker::create,
                time);
        for (int i = 0; i < connectors; i++) {
            live.run(
                    ConnectorWorker.SERVICE,
                    connectorEnv(platform, "live-" + i),
                    false,
                    ConnectorWorker::create,
                    time);
        }
        return live;
    }

    private void run(
            String service,
            Map<String, String> env,
            boolean symbolsRequired,
            Worker.Factory factory,
            TimeSource time) {
        StopSignal stop = new StopSignal();
        stops.add(stop);
        runs.add(
                CompletableFuture.supplyAsync(
                        () -> WorkerRunner.run(service, env, symbolsRequired, factory, stop, time),
                        r -> new Thread(r, service + "-live-" + runs.size()).start()));
    }

    /** The exit codes of the workers that ended (live workers end only when stopped or failed). */
    public List<Integer> ended() {
        return runs.stream()
                .filter(CompletableFuture::isDone)
                .map(CompletableFuture::join)
                .toList();
    }

    /** Stops every worker (as SIGTERM would) and waits for each to end. */
    @Override
    public void close() throws Exception {
        stops.forEach(s -> s.stop("live ingestion closed"));
        for (CompletableFuture<Integer> r : runs) {
            r.get(90, TimeUnit.SECONDS);
        }
    }
}
