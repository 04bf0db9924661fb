package io.streamforge.app.bench;

import io.streamforge.binance.ws.BinanceWsFeed;
import io.streamforge.binance.ws.WsFeedConfig;
import io.streamforge.binance.ws.WsFeedListener;
import io.streamforge.binance.ws.WsStream;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import io.streamforge.sim.StreamLimits;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code bench ws}: aggTrade messages/s one {@link BinanceWsFeed} sustains into Kafka, and the
 * latency from exchange event time to Kafka acknowledgement at a fixed rate. The simulator replays
 * on a {@link ScaledClock} whose speed sets the message rate (symbols × aggTrades per day × speed /
 * 86,400); its hub polls every millisecond. The raw limit is the simulator's own delivery rate to a
 * bare WebSocket client that only counts frames, measured first in the same run.
 */
final class WsBench {
    static final Set<String> OPTIONS =
            Set.of("--symbols", "--agg-trades-per-day", "--seconds", "--rate", "--max-rate");
    static final String USAGE =
            "bench ws [--symbols A,B,..] [--agg-trades-per-day 500000] [--seconds 8] [--rate 50000]"
                    + " [--max-rate 400000]";
    static final double TARGET_RATE = 200_000;
    static final double TARGET_P99_MS = 20;

    record Options(List<Symbol> symbols, int aggTradesPerDay, int seconds, int rate, int maxRate) {
        static Options parse(String[] args) {
            BenchOptions o = BenchOptions.parse(args, OPTIONS);
            int perDay = o.positiveInt("--agg-trades-per-day", 500_000);
            if (perDay < 1_440 || perDay > 10_000_000) {
                throw new IllegalArgumentException(
                        "--agg-trades-per-day: must be in [1440, 10000000], got " + perDay);
            }
            return new Options(
                    o.symbols("--symbols", "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT"),
                    perDay,
                    o.positiveInt("--seconds", 8),
                    o.positiveInt("--rate", 50_000),
                    o.positiveInt("--max-rate", 400_000));
        }

        /** Replay speed at which the simulator produces {@code msgsPerSecond} aggTrades. */
        double speedFor(double msgsPerSecond) {
            return msgsPerSecond * 86_400.0 / ((double) symbols.size() * aggTradesPerDay);
        }
    }

    private static final long START_US = Micros.of(Instant.parse("2024-03-01T00:00:00Z"));

    private final PrintStream out;

    WsBench(PrintStream out) {
        this.out = out;
    }

    void run(Options o) {
        out.printf("» sim max: bare WebSocket client, offered %,d msgs/s ...%n", o.maxRate());
        double simMax = withSim(o, o.maxRate(), sim -> bareClientRate(sim, o));
        out.printf("» sim delivers %,.0f msgs/s%n", simMax);
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
            KafkaSettings ks = KafkaSettings.plaintext(kafka.bootstrapServers());
            out.printf(
                    "» feed → Kafka at the simulator's max (%,.0f msgs/s offered) ...%n", simMax);
            FeedRun max = withSim(o, simMax, sim -> feedRun(sim, kafka, ks, o, 0));
            out.printf(
                    "» feed → Kafka at a fixed %,d msgs/s, latency event time → ack ...%n",
                    o.rate());
            FeedRun fixed =
                    withSim(
                            o,
                            o.rate(),
                            sim -> feedRun(sim, kafka, ks, o, o.rate() * (o.seconds() + 4)));
            print(o, simMax, max, fixed);
        }
    }

    private interface SimBody<T> {
        T run(Sim sim);
    }

    /** A running simulator and the clock it replays on. */
    private record Sim(ExchangeSimulator server, ScaledClock clock) {}

    private <T> T withSim(Options o, double rate, SimBody<T> body) {
        ScaledClock clock = new ScaledClock(START_US, o.speedFor(rate));
        StreamLimits d = StreamLimits.defaults();
        StreamLimits limits =
                new StreamLimits(
                        d.maxStreamsPerConnection(),
                        d.messagesPerSecond(),
                        d.connectionsPerWindow(),
                        d.connectionWindowMs(),
                        d.lifetimeMs(),
                        d.pingIntervalMs(),
                        d.pongTimeoutMs(),
                        1L);
        SimConfig cfg =
                SimConfig.defaults()
                        .withSymbols(o.symbols())
                        .withAggTradesPerDay(o.aggTradesPerDay())
                        .withDayCacheSize(4 * o.symbols().size())
                        .withStreams(limits)
                        .withTimeSource(clock);
        try (ExchangeSimulator sim = ExchangeSimulator.start(cfg)) {
            return body.run(new Sim(sim, clock));
        }
    }

    private double bareClientRate(Sim sim, Options o) {
        String streams =
                o.symbols().stream()
                        .map(s -> WsStream.aggTrade(s).name())
                        .collect(Collectors.joining("/"));
        AtomicLong frames = new AtomicLong();
        WebSocket.Listener counter =
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(
                            WebSocket ws, CharSequence data, boolean last) {
                        if (last) {
                            frames.incrementAndGet();
                        }
                        ws.request(1);
                        return null;
                    }
                };
        WebSocket ws =
                HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .buildAsync(
                                URI.create(sim.server().wsBaseUrl() + "/stream?streams=" + streams),
                                counter)
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join();
        try {
            return measure(frames, o.seconds());
        } finally {
            ws.abort();
        }
    }

    /** Counts per second over {@code seconds} after one second of warm-up. */
    private static double measure(AtomicLong counter, int seconds) {
        RestBench.sleepMs(1_000);
        long c0 = counter.get();
        long t0 = System.nanoTime();
        RestBench.sleepMs(seconds * 1_000L);
        return (counter.get() - c0) / ((System.nanoTime() - t0) / 1e9);
    }

    /** Feed throughput (acks/s) and, when {@code latencyCapacity} > 0, ack latencies. */
    record FeedRun(double ackRate, long received, Percentiles latencyNs, long latencyDropped) {}

    private FeedRun feedRun(
            Sim sim, EmbeddedKafkaBroker kafka, KafkaSettings ks, Options o, int latencyCapacity) {
        String topic = "bench-ws-" + System.nanoTime();
        kafka.createTopic(topic, 3);
        long[] latencies = new long[Math.max(1, latencyCapacity)];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong dropped = new AtomicLong();
        AtomicLong acks = new AtomicLong();
        AtomicLong received = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long[] recordFrom = {Long.MAX_VALUE};
        ScaledClock clock = sim.clock();
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(ks, "bench-ws")) {
            WsFeedListener listener =
                    new WsFeedListener() {
                        @Override
                        public void onAggTrade(String stream, AggTrade t) {
                            received.incrementAndGet();
                            long eventNs = clock.wallNanosOf(t.timeUs());
                            producer.send(
                                    new ProducerRecord<>(
                                            topic, t.symbol().value(), RecordCodec.encode(t)),
                                    (md, e) -> {
                                        if (e != null) {
                                            failures.incrementAndGet();
                                            return;
                                        }
                                        acks.incrementAndGet();
                                        long now = System.nanoTime();
                                        if (latencyCapacity > 0 && now >= recordFrom[0]) {
                                            int i = recorded.getAndIncrement();
                                            if (i < latencies.length) {
                                                latencies[i] = now - eventNs;
                                            } else {
                                                dropped.incrementAndGet();
                                            }
                                        }
                                    });
                        }
                    };
            WsFeedConfig cfg =
                    WsFeedConfig.defaults(sim.server().wsBaseUrl()).withMicroseconds(true);
            List<WsStream> streams = o.symbols().stream().map(WsStream::aggTrade).toList();
            try (BinanceWsFeed feed = new BinanceWsFeed(cfg, streams, listener)) {
                feed.start();
                if (!feed.awaitConnected(10_000)) {
                    throw new IllegalStateException("feed did not connect to " + cfg.baseUrl());
                }
                recordFrom[0] = System.nanoTime() + 1_000_000_000L;
                double rate = measure(acks, o.seconds());
                if (failures.get() > 0) {
                    throw new IllegalStateException(failures.get() + " Kafka sends failed");
                }
                int n = Math.min(recorded.get(), latencies.length);
                return new FeedRun(
                        rate,
                        received.get(),
                        latencyCapacity > 0 ? new Percentiles(latencies, n) : null,
                        dropped.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void print(Options o, double simMax, FeedRun max, FeedRun fixed) {
        Percentiles p = fixed.latencyNs();
        out.println();
        out.printf(
                "symbols × aggTrades/day           %d × %,d (aggTrade streams, one feed)%n",
                o.symbols().size(), o.aggTradesPerDay());
        out.printf("sim max to a bare client (raw)    %,12.0f msgs/s%n", simMax);
        out.printf(
                "feed → Kafka acked at sim max     %,12.0f msgs/s  = %.2f of raw  (target ≥ %,.0f)%n",
                max.ackRate(), max.ackRate() / simMax, TARGET_RATE);
        out.printf(
                "fixed rate offered / acked        %,12d / %,.0f msgs/s%n",
                o.rate(), fixed.ackRate());
        if (p == null || p.count() == 0) {
            out.println("latency: no acknowledgements recorded");
            return;
        }
        out.printf(
                "latency event → ack (n=%,d)       p50 %.2f ms, p99 %.2f ms, max %.2f ms  (target p99 < %.0f ms)%n",
                p.count(),
                p.percentile(50) / 1e6,
                p.percentile(99) / 1e6,
                p.max() / 1e6,
                TARGET_P99_MS);
        if (simMax < TARGET_RATE) {
            out.printf(
                    "NOTE: the simulator itself delivers only %,.0f msgs/s here, below the %,.0f target;"
                            + " the feed rate is bounded by it%n",
                    simMax, TARGET_RATE);
        }
    }
}
