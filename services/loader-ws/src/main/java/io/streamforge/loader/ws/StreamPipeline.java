package io.streamforge.loader.ws;

import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.DepthUpdate;
import io.streamforge.binance.ws.KlineUpdate;
import io.streamforge.binance.ws.WsFeedListener;
import io.streamforge.binance.ws.WsGap;
import io.streamforge.binance.ws.WsStream;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Trade;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.kafka.DataPublisher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed listener: every event and every drop report becomes a task on one queue, run in order by
 * one thread, so a backfill after a drop is published before the events the new connection held
 * back, and per-stream watermarks need no locks. The queue is bounded: a slow backfill or broker
 * pushes back on the feed (events wait in the socket) instead of growing memory.
 */
final class StreamPipeline implements WsFeedListener {
    private static final Logger LOG = LoggerFactory.getLogger(StreamPipeline.class);
    private static final Runnable END = () -> {};

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(100_000);
    private final Map<String, IdSequencer> ids = new HashMap<>();
    private final Map<String, KlineSequencer> klines = new HashMap<>();
    private final DepthBooks depth;
    private final Function<MarketRecord, DataPublisher> publisher;
    private final AckTimingProducer producer;
    private final String depthTopic;
    private final WsStats stats;
    private final TimeSource time;
    private final Consumer<Sink.Gap> gapReporter;
    private final Consumer<String> lifecycleReporter;
    private final Thread thread;
    private volatile Exception failure;

    StreamPipeline(
            List<WsStream> streams,
            BinanceRestClient rest,
            WsLoaderSettings settings,
            Function<MarketRecord, DataPublisher> publisher,
            AckTimingProducer producer,
            WsStats stats,
            TimeSource time,
            Consumer<Sink.Gap> gapReporter,
            Consumer<String> lifecycleReporter) {
        this.publisher = publisher;
        this.producer = producer;
        this.depthTopic = settings.depthTopic();
        this.stats = stats;
        this.time = time;
        this.gapReporter = gapReporter;
        this.lifecycleReporter = lifecycleReporter;
        Sink sink = sink();
        for (WsStream s : streams) {
            switch (s.kind()) {
                case AGG_TRADE:
                    ids.put(
                            s.name(),
                            ids(
                                    s,
                                    (from, n) -> rest.aggTradesFrom(s.symbol(), from, n),
                                    sink,
                                    settings));
                    break;
                case TRADE:
                    ids.put(
                            s.name(),
                            ids(
                                    s,
                                    (from, n) -> rest.historicalTrades(s.symbol(), from, n),
                                    sink,
                                    settings));
                    break;
                case KLINE:
                    klines.put(
                            s.name(),
                            new KlineSequencer(
                                    s.name(),
                                    s.symbol(),
                                    s.interval(),
                                    range -> rest.klines(s.symbol(), s.interval(), range),
                                    sink));
                    break;
                default:
                    break;
            }
        }
        int limit = settings.depthSnapshotLimit();
        this.depth =
                new DepthBooks(
                        sym -> rest.depth(sym, limit),
                        this::publishDepth,
                        reason -> {
                            stats.resyncs.incrementAndGet();
                            LOG.info("depth resync {}", reason);
                        });
        this.thread = new Thread(this::loop, "loader-ws-pipeline");
        this.thread.setDaemon(true);
    }

    private static IdSequencer ids(
            WsStream s, IdSequencer.Fetcher f, Sink sink, WsLoaderSettings settings) {
        return new IdSequencer(s.name(), s.symbol(), f, sink, settings.gapSilenceUs());
    }

    void start() {
        thread.start();
    }

    /** The first error that stopped the pipeline (Kafka down, bug), or null. */
    Exception failure() {
        return failure;
    }

    /** Runs every queued task, then stops the thread; true when drained in time. */
    boolean drain(long timeoutMs) throws InterruptedException {
        enqueue(END);
        thread.join(timeoutMs);
        return !thread.isAlive();
    }

    DepthBooks depth() {
        return depth;
    }

    private void loop() {
        try {
            while (true) {
                Runnable task = queue.poll(1, TimeUnit.SECONDS);
                if (task == END) return;
                if (task != null) task.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("loader-ws pipeline failed", e);
            failure = e;
        }
    }

    private void enqueue(Runnable task) {
        if (failure != null) return;
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- feed callbacks (feed threads; only enqueue) ----

    @Override
    public void onAggTrade(String stream, AggTrade trade) {
        stats.message();
        enqueue(() -> ids.get(stream).live(trade));
    }

    @Override
    public void onTrade(String stream, Trade trade) {
        stats.message();
        enqueue(() -> ids.get(stream).live(trade));
    }

    @Override
    public void onKline(String stream, KlineUpdate kline) {
        stats.message();
        enqueue(() -> klines.get(stream).live(kline));
    }

    @Override
    public void onDepth(String stream, DepthUpdate update) {
        stats.message();
        enqueue(() -> depthUpdate(update));
    }

    @Override
    public void onRotated(int shard, String reason) {
        stats.reconnect(reason, true);
        enqueue(() -> lifecycleReporter.accept("shard " + shard + " rotated: " + reason));
    }

    @Override
    public void onDropped(int shard, String reason) {
        stats.reconnect(reason, false);
        enqueue(() -> lifecycleReporter.accept("shard " + shard + " dropped: " + reason));
    }

    @Override
    public void onGap(WsGap gap) {
        IdSequencer id = ids.get(gap.stream());
        KlineSequencer k = klines.get(gap.stream());
        if (id != null) {
            enqueue(() -> id.dropped(gap.reason()));
        } else if (k != null) {
            enqueue(() -> k.dropped(time.nowUs()));
        }
        // depth: the book sees U > last u + 1 on the next event and rebuilds itself
    }

    // ---- pipeline thread ----

    private void depthUpdate(DepthUpdate u) {
        try {
            depth.onUpdate(u);
        } catch (RuntimeException e) {
            // snapshot fetch failed (REST down): the book stays unsynced and retries on the next
            LOG.warn("depth {}: {}", u.symbol(), e.toString());
        }
    }

    private void publishDepth(DepthBooks.Message m) {
        producer.eventTime(m.eventTimeUs());
        producer.send(
                new ProducerRecord<>(depthTopic, m.symbol().value(), m.json()),
                (md, e) -> {
                    if (e != null && failure == null) failure = e;
                });
        stats.depthMessages.incrementAndGet();
    }

    private Sink sink() {
        return new Sink() {
            @Override
            public void publish(MarketRecord record, boolean backfilled) {
                producer.eventTime(
                        record instanceof io.streamforge.domain.Candle c
                                ? c.closeTimeUs()
                                : record.timeUs());
                publisher.apply(record).send(List.of(record));
                stats.record(backfilled);
            }

            @Override
            public void gap(Gap gap) {
                stats.gaps.incrementAndGet();
                gapReporter.accept(gap);
            }
        };
    }
}
