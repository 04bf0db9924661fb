package io.streamforge.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.app.cli.Progress;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
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
    private final Progress progress;

    /** Progress as plain lines on {@code out}. */
    public DemoCommand(PrintStream out) {
        this(out, Progress.lines(out));
    }

    public DemoCommand(PrintStream out, Progress progress) {
        this.out = out;
        this.progress = progress;
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
        StepTracker steps = new StepTracker(expectedRecords(o));
        JsonNode q = waitForEnd(api, queueId, steps);
        double seconds = secs(tp);
        DemoSummary summary = new DemoSummary(out);
        Result r =
                summary.records(
                        p.stores().marketData(), o, queueId, q.get("status").asText(), seconds);
        summary.timings(steps.steps());
        if (o.analytics()) {
            summary.graph(p.stores().graphs(), q.path("collection_name").asText());
            summary.model(TelemetryLog.read(p.kafka().bootstrapServers(), queueId));
        }
        return r;
    }

    /** Records each ingestion step will write, for the progress bars' percentage and ETA. */
    static Map<String, Long> expectedRecords(Options o) {
        TimeRange range = TimeRange.parseDays(o.timeRange());
        Interval interval = Interval.of(o.interval());
        long candles = 0;
        for (long t = interval.openTimeOf(range.startUs());
                t < range.endUs();
                t = interval.nextOpenTime(t)) {
            candles++;
        }
        candles *= o.symbols().size();
        long days = range.lengthUs() / 86_400_000_000L;
        long trades = days * SimConfig.defaults().aggTradesPerDay() * o.symbols().size();
        return Map.of(
                "loader-api-candles", candles,
                "loader-api-trades", trades,
                "arango-connector", candles + trades);
    }

    private JsonNode waitForEnd(ApiClient api, String queueId, StepTracker steps)
            throws InterruptedException {
        while (true) {
            JsonNode q = api.get("/queues/" + queueId).body();
            String status = q.get("status").asText();
            steps.update(q.get("steps"));
            if (!status.equals("pending") && !status.equals("running")) {
                progress.finish(steps.steps());
                return q;
            }
            progress.show(steps.steps());
            Thread.sleep(200); // the end is seen within 0.2 s
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
