package io.streamforge.app.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.app.ApiClient;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.sim.MarketModel;
import io.streamforge.store.Stores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The backfill through the rehearsed queue-manager: with an {@code operator} token, a pipeline of
 * 1m candles + aggTrades + the connector over the given symbols and days; then the store — opened
 * with the settings a rehearsed container reads ({@link DatabaseSettings} from its environment) —
 * must hold exactly the simulator's records.
 */
public final class BackfillScenario {
    private static final Set<String> TERMINAL = Set.of("finished", "failed", "interrupted");

    /**
     * graph-builder (RSI:14 on 15m) and gnn-trainer (3 epochs, model to S3) after the connector.
     */
    static final String ANALYTICS =
            ",{\"target\":\"graph-builder\",\"params\":{\"resample\":\"15m\",\"indicators\":\"RSI:14\"}},"
                    + "{\"target\":\"gnn-trainer\",\"params\":{\"resample\":\"15m\",\"gnn_epochs\":3}}";

    private final List<Symbol> symbols;
    private final String days;
    private final boolean analytics;

    BackfillScenario(List<Symbol> symbols, String days, boolean analytics) {
        this.symbols = List.copyOf(symbols);
        this.days = days;
        this.analytics = analytics;
    }

    String pipeline() {
        String json = pipeline(symbols, days);
        return analytics ? json.substring(0, json.length() - 2) + ANALYTICS + "]}" : json;
    }

    /** The request body of a 1m candles + aggTrades + connector pipeline over these days. */
    public static String pipeline(List<Symbol> symbols, String days) {
        String syms = symbols.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        return "{\"symbols\":["
                + syms
                + "],\"time_range\":\""
                + days
                + "\",\"microservices\":["
                + "{\"target\":\"loader-api-candles\",\"type\":\"candles\",\"interval\":\"1m\"},"
                + "{\"target\":\"loader-api-trades\",\"type\":\"agg_trades\"},"
                + "{\"target\":\"arango-connector\"}]}";
    }

    /** Starts the pipeline; returns the queue id. */
    String start(ApiClient api) {
        return startPipeline(api, pipeline());
    }

    /** Posts a pipeline to {@code /queues/start-pipeline}; returns the queue id, else fails. */
    static String startPipeline(ApiClient api, String body) {
        ApiClient.Answer a = api.post("/queues/start-pipeline", body);
        if (a.status() != 201) {
            throw new IllegalStateException(
                    "start-pipeline answered " + a.status() + ": " + a.body());
        }
        return a.body().get("queue_id").asText();
    }

    /** Waits for the queue's end; returns the final JSON, or fails naming the state it ended in. */
    JsonNode awaitEnd(ApiClient api, String queueId, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonNode q = api.get("/queues/" + queueId).body();
            String status = q == null ? "" : q.path("status").asText();
            if (TERMINAL.contains(status)) {
                if (!status.equals("finished")) {
                    throw new IllegalStateException(
                            "queue " + queueId + " ended " + status + ": " + q);
                }
                return q;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "queue " + queueId + " not finished after " + timeout.toSeconds() + " s");
    }

    /**
     * Compares the store with the simulator: every symbol's candles and aggTrades equal, record by
     * record. Returns the problems (empty: exact) and adds the record count to {@code counted}.
     */
    List<String> compare(Map<String, String> containerEnv, MarketModel model, long[] counted) {
        TimeRange range = TimeRange.parseDays(days);
        List<String> problems = new ArrayList<>();
        DatabaseSettings db = DatabaseSettings.read(new ConfigReader(containerEnv));
        try (Stores stores = Stores.open(db)) {
            MarketDataStore store = stores.marketData();
            for (Symbol s : symbols) {
                var candles = store.candles(s, Interval.M1, range);
                var expectedCandles = model.klines(s, Interval.M1, range.startUs(), range.endUs());
                var trades = store.aggTrades(s, range);
                var expectedTrades = model.aggTrades(s, range.startUs(), range.endUs());
                if (!candles.equals(expectedCandles)) {
                    problems.add(
                            s
                                    + ": "
                                    + candles.size()
                                    + " candles stored, the simulator has "
                                    + expectedCandles.size()
                                    + " (or they differ)");
                }
                if (!trades.equals(expectedTrades)) {
                    problems.add(
                            s
                                    + ": "
                                    + trades.size()
                                    + " aggTrades stored, the simulator has "
                                    + expectedTrades.size()
                                    + " (or they differ)");
                }
                counted[0] += candles.size() + trades.size();
            }
        }
        return problems;
    }
}
