package io.streamforge.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.sim.SimConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code streamforge demo}: starts the embedded platform on the simulator and runs one pipeline
 * (candles + aggTrades of several symbols over a month, through Kafka into PostgreSQL) via the
 * queue-manager API, showing progress and ending with a summary.
 */
public final class DemoCommand {
    /** Demo parameters. */
    public record Options(
            Path dataDir,
            List<Symbol> symbols,
            String timeRange,
            String interval,
            boolean keep,
            int apiPort,
            boolean analytics) {}

    /** What the demo stored and how fast. */
    public record Result(
            String queueId,
            String status,
            Map<String, long[]> countsBySymbol,
            long totalRecords,
            double seconds) {}

    private final PrintStream out;

    public DemoCommand(PrintStream out) {
        this.out = out;
    }

    /** Ingestion only: candles + aggTrades → Kafka → PostgreSQL. */
    public static String pipelineJson(List<Symbol> symbols, String timeRange, String interval) {
        return pipelineJson(symbols, timeRange, interval, false);
    }

    /**
     * With {@code analytics}: then graph-builder (after the connector) and gnn-trainer (after the
     * graph).
     */
    public static String pipelineJson(
            List<Symbol> symbols, String timeRange, String interval, boolean analytics) {
        String syms = symbols.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        String steps =
                "{\"target\":\"loader-api-candles\",\"type\":\"candles\",\"interval\":\""
                        + interval
                        + "\"},{\"target\":\"loader-api-trades\",\"type\":\"agg_trades\"},"
                        + "{\"target\":\"arango-connector\"}";
        if (analytics) {
            String resampled = "\"interval\":\"" + interval + "\",\"params\":{\"resample\":\"1h\"";
            steps +=
                    ",{\"target\":\"graph-builder\","
                            + resampled
                            + "}},{\"target\":\"gnn-trainer\","
                            + resampled
                            + ",\"gnn_epochs\":30}}";
        }
        return "{\"symbols\":["
                + syms
                + "],\"time_range\":\""
                + timeRange
                + "\",\"microservices\":["
                + steps
                + "]}";
    }

    public Result run(Options o) throws InterruptedException {
        long t0 = System.nanoTime();
        var sim = SimConfig.defaults().withSymbols(o.symbols()).withPort(0);
        try (LocalPlatform p =
                new LocalPlatform(
                        new LocalPlatform.Options(o.dataDir(), o.apiPort(), null, sim, Map.of()),
                        m -> out.println("» " + m))) {
            out.printf(
                    "» platform up in %.1f s — UI %s, API %s, exchange simulator %s%n",
                    secs(t0), p.visualizerUrl(), p.apiUrl(), p.exchangeUrl());
            Result r = runPipeline(p, o, t0);
            if (o.keep()) {
                out.println(
                        "» --keep: platform stays up. UI: "
                                + p.visualizerUrl()
                                + "  API: "
                                + p.apiUrl()
                                + "/docs  (Ctrl-C to stop)");
                Thread.currentThread().join();
            }
            return r;
        }
    }

    Result runPipeline(LocalPlatform p, Options o, long t0) throws InterruptedException {
        ApiClient api = new ApiClient(p.apiUrl());
        var created =
                api.post(
                        "/queues/start-pipeline",
                        pipelineJson(o.symbols(), o.timeRange(), o.interval(), o.analytics()));
        if (created.status() != 201) {
            throw new IllegalStateException("start-pipeline refused: " + created.body());
        }
        String queueId = created.body().get("queue_id").asText();
        out.println("» pipeline " + queueId + " started");
        long tp = System.nanoTime();
        JsonNode q = waitForEnd(api, queueId);
        double seconds = secs(tp);
        Result r =
                summarize(p.stores().marketData(), o, queueId, q.get("status").asText(), seconds);
        if (o.analytics()) {
            printAnalytics(TelemetryLog.read(p.kafka().bootstrapServers(), queueId));
        }
        return r;
    }

    private JsonNode waitForEnd(ApiClient api, String queueId) throws InterruptedException {
        String last = "";
        while (true) {
            JsonNode q = api.get("/queues/" + queueId).body();
            String status = q.get("status").asText();
            StringBuilder line = new StringBuilder("  [" + status + "]");
            for (JsonNode s : q.get("steps")) {
                line.append(
                        String.format(
                                "  %s=%s %,d",
                                s.get("target").asText(),
                                s.get("status").asText(),
                                s.get("records_written").asLong()));
            }
            if (!line.toString().equals(last)) {
                out.println(line);
                last = line.toString();
            }
            if (!status.equals("pending") && !status.equals("running")) {
                return q;
            }
            Thread.sleep(200); // the end is seen within 0.2 s; a line is printed only on change
        }
    }

    private Result summarize(
            MarketDataStore store, Options o, String queueId, String status, double seconds) {
        TimeRange range = TimeRange.parseDays(o.timeRange());
        Interval interval = Interval.of(o.interval());
        Map<String, long[]> counts = new java.util.LinkedHashMap<>();
        long total = 0;
        out.println();
        out.printf("%-10s %12s %12s%n", "symbol", "candles", "aggTrades");
        for (Symbol s : o.symbols()) {
            long c = store.candles(s, interval, range).size();
            long a = store.aggTrades(s, range).size();
            counts.put(s.value(), new long[] {c, a});
            total += c + a;
            out.printf("%-10s %,12d %,12d%n", s, c, a);
        }
        out.printf(
                "%nqueue %s %s: %,d records stored; whole pipeline %.1f s%s (%,.0f records/s over it)%n",
                queueId,
                status,
                total,
                seconds,
                o.analytics() ? " incl. graph-builder and gnn-trainer" : "",
                total / Math.max(seconds, 1e-9));
        return new Result(queueId, status, counts, total, seconds);
    }

    private void printAnalytics(List<io.streamforge.kafka.TelemetryEvent> events) {
        for (var e : events) {
            if (!e.status().equals("finished") || e.extra() == null) {
                continue;
            }
            if (e.target().equals("graph-builder")) {
                out.println("graph-builder: " + e.extra());
            } else if (e.target().equals("gnn-trainer")) {
                out.println("gnn-trainer model: " + e.extra().getOrDefault("model_uri", "?"));
                out.println("  test metrics vs baselines: " + metrics(e.extra()));
            }
        }
    }

    private static String metrics(Map<String, Object> extra) {
        return extra.entrySet().stream()
                .filter(
                        en ->
                                en.getKey().contains("accuracy")
                                        || en.getKey().contains("f1")
                                        || en.getKey().contains("baseline"))
                .map(en -> en.getKey() + "=" + en.getValue())
                .collect(Collectors.joining(", "));
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
