package io.streamforge.loader.ws;

import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.ClientListener;
import io.streamforge.binance.Sleeper;
import io.streamforge.binance.ws.BinanceWsFeed;
import io.streamforge.binance.ws.WsStream;
import io.streamforge.kafka.DataPublisher;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket loader, per queue (a Job) or live ({@code LOADER_MODE=live}: a Deployment writing
 * {@code <prefix>.<stream>} topics, ADR 3001): streams of every symbol over a sharded {@link
 * BinanceWsFeed}, records exactly once (per id / open time) to the data topic, depth books to the
 * depth topic, REST backfill after drops, {@code gap} telemetry for what cannot be backfilled. Runs
 * until a stop command, or, with RUN_FOR_MS / END_TIME, until then and writes end-of-stream
 * markers.
 */
public final class WsLoaderWorker implements Worker {
    public static final String SERVICE = "loader-ws";
    private static final Logger LOG = LoggerFactory.getLogger(WsLoaderWorker.class);
    private static final long PROGRESS_EVERY_MS = 2_000;

    private final WsLoaderSettings settings;

    public WsLoaderWorker(WsLoaderSettings settings) {
        this.settings = settings;
    }

    /** The {@link Worker.Factory} of {@code loader-ws}. */
    public static Worker create(ConfigReader r, WorkerConfig common) {
        return new WsLoaderWorker(WsLoaderSettings.read(r, common));
    }

    public WsLoaderSettings settings() {
        return settings;
    }

    @Override
    public long run(WorkerContext ctx) throws Exception {
        List<WsStream> streams = settings.streams(ctx.config().symbols());
        List<NewTopic> topics = new ArrayList<>();
        for (String t : settings.dataTopics()) {
            topics.add(KafkaClients.topic(t, settings.partitions()));
        }
        if (settings.hasDepth()) {
            topics.add(KafkaClients.topic(settings.depthTopic(), settings.partitions()));
        }
        KafkaClients.ensureTopics(ctx.config().kafka(), topics, Duration.ofSeconds(30));
        WsStats stats = new WsStats(ctx.registry());
        String id = ctx.config().telemetryId();
        try (KafkaProducer<String, byte[]> kafka =
                KafkaClients.producer(ctx.config().kafka(), id)) {
            AckTimingProducer producer = new AckTimingProducer(kafka, stats.eventLag, ctx.time());
            Map<String, DataPublisher> publishers = new LinkedHashMap<>();
            for (String t : settings.dataTopics()) {
                publishers.put(t, new DataPublisher(producer, t, id, ctx.time()));
            }
            BinanceRestClient rest =
                    new BinanceRestClient(
                            settings.rest(), ctx.time(), Sleeper.system(), ClientListener.NONE);
            StreamPipeline pipeline =
                    new StreamPipeline(
                            streams,
                            rest,
                            settings,
                            r -> publishers.get(settings.topicOf(r)),
                            producer,
                            stats,
                            ctx.time(),
                            gap -> reportGap(ctx, gap),
                            what -> {
                                LOG.info("{}", what);
                                ctx.telemetry().send("loading", what, stats.records.get());
                            });
            pipeline.start();
            try (BinanceWsFeed feed = new BinanceWsFeed(settings.feed(), streams, pipeline)) {
                feed.start();
                String end = waitForEnd(ctx, stats, pipeline);
                LOG.info("loader-ws ending: {}", end);
            }
            if (!pipeline.drain(60_000)) {
                throw new IllegalStateException("pipeline did not drain within 60 s");
            }
            if (pipeline.failure() != null) {
                throw pipeline.failure();
            }
            Map<String, Object> summary = stats.summary();
            ctx.telemetry().setFinishExtra(summary);
            producer.flush();
            if (settings.bounded() && !ctx.stop().stopped()) {
                publishers.values().forEach(DataPublisher::finish);
            }
            return publishers.values().stream().mapToLong(DataPublisher::sent).sum();
        }
    }

    /** Sleeps until a stop command, the run bound, or a pipeline failure; sends progress. */
    private String waitForEnd(WorkerContext ctx, WsStats stats, StreamPipeline pipeline)
            throws Exception {
        long startNs = System.nanoTime();
        long lastProgressNs = startNs;
        while (true) {
            if (ctx.stop().await(200)) return "stop: " + ctx.stop().reason();
            if (pipeline.failure() != null) return "pipeline failure";
            long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
            if (settings.runForMs() > 0 && elapsedMs >= settings.runForMs()) {
                return "RUN_FOR_MS " + settings.runForMs() + " reached";
            }
            if (settings.endTimeUs() > 0 && ctx.time().nowUs() >= settings.endTimeUs()) {
                return "END_TIME reached";
            }
            if (System.nanoTime() - lastProgressNs >= PROGRESS_EVERY_MS * 1_000_000) {
                lastProgressNs = System.nanoTime();
                ctx.telemetry()
                        .send(
                                "loading",
                                "messages "
                                        + stats.messages.get()
                                        + ", records "
                                        + stats.records.get()
                                        + ", reconnects "
                                        + stats.reconnects.get(),
                                stats.records.get(),
                                null,
                                stats.summary());
            }
        }
    }

    private static void reportGap(WorkerContext ctx, Sink.Gap gap) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("stream", gap.stream());
        extra.put("symbol", gap.symbol());
        extra.put("from_id", gap.fromId());
        extra.put("to_id", gap.toId());
        extra.put("from_us", gap.fromUs());
        extra.put("to_us", gap.toUs());
        extra.put("reason", gap.reason());
        LOG.warn("gap {}", extra);
        ctx.telemetry().send("gap", gap.stream() + ": " + gap.reason(), 0, null, extra);
    }
}
