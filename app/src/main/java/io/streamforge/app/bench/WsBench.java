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
import io.streamforge.sim.MarketModel;
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
            Set.of(
                    "--symbols",
                    "--agg-trades-per-day",
                    "--seconds",
                    "--rate",
                    "--max-rate",
                    "--source");
    static final String USAGE =
            "bench ws [--symbols A,B,..] [--agg-trades-per-day 500000] [--seconds 5] [--rate 50000]"
                    + " [--max-rate 400000] [--source sim|blaster]";
    static final double TARGET_RATE = 200_000;
    static final double TARGET_P99_MS = 20;

    record Options(
            List<Symbol> symbols,
            int aggTradesPerDay,
            int seconds,
            int rate,
            int maxRate,
            boolean blaster) {
        Options(List<Symbol> symbols, int aggTradesPerDay, int seconds, int rate, int maxRate) {
            this(symbols, aggTradesPerDay, seconds, rate, maxRate, false);
        }

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
                    o.positiveInt("--seconds", 5),
                    o.positiveInt("--rate", 50_000),
                    o.positiveInt("--max-rate", 400_000),
                    source(o.text("--source", "sim")));
        }

        private static boolean source(String s) {
            if (!s.equals("sim") && !s.equals("blaster")) {
                throw new IllegalArgumentException(
                        "--source: expected sim or blaster, got '" + s + "'");
            }
            return s.equals("blaster");
        }

        /** Replay speed at which the simulator produces {@code msgsPerSecond} aggTrades. */
        double speedFor(double msgsPerSecond) {
            return msgsPerSecond * 86_400.0 / ((double) symbols.size() * aggTradesPerDay);
        }
    }

    static final long WARM_UP_MS = 3_000;

    /** Wall seconds from simulator start to the feed being subscribed (measured ~0.3-0.6 s). */
    private static final double CONNECT_S = 0.5;

    private static final long START_US = Micros.of(Instant.parse("2024-03-01T00:00:00Z"));

    private final PrintStream out;

    WsBench(PrintStream out) {
        this.out = out;
    }

    void run(Options o) {
        if (o.blaster()) {
            new BlasterBench(out).run(o);
            return;
        }
        MarketModel model = new MarketModel(simConfig(o));
        out.printf("» sim max: bare WebSocket client, offered %,d msgs/s ...%n", o.maxRate());
        double simMax = withSim(o, o.speedFor(o.maxRate()), sim -> bareClientRate(sim, o));
        out.printf("» sim delivers %,.0f msgs/s%n", simMax);
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
            KafkaSettings ks = KafkaSettings.plaintext(kafka.bootstrapServers());
            Ladder ladder = new Ladder();
            for (double f : LADDER) {
                double offered = simMax * f;
                out.printf("» feed → Kafka, target %,.0f msgs/s ...", offered);
                FeedRun step =
                        withSim(
                                o,
                                calibratedSpeed(model, o, offered),
                                sim -> feedRun(sim, model, kafka, ks, o, 0));
                out.printf(
                        " offered %,.0f, received %,.0f, acked %,.0f msgs/s%n",
                        step.offeredRate(), step.receivedRate(), step.ackRate());
                if (!ladder.add(step.offeredRate(), step.ackRate())) {
                    break;
                }
            }
            out.printf(
                    "» feed → Kafka at a fixed %,d msgs/s, latency event time → ack ...%n",
                    o.rate());
            FeedRun fixed =
                    withSim(
                            o,
                            calibratedSpeed(model, o, o.rate()),
                            sim -> feedRun(sim, model, kafka, ks, o, o.rate() * (o.seconds() + 4)));
            print(o, simMax, ladder, fixed);
        }
    }

    /** Offered rates of the throughput ladder, as fractions of the simulator's max. */
    static final double[] LADDER = {0.125, 0.25, 0.5, 1.0};

    /**
     * Steps of offered vs acknowledged rate; a step is sustained when at least 95 % of the offered
     * rate was acknowledged.
     */
    static final class Ladder {
        static final double SUSTAINED = 0.95;
        private double sustained;
        private double peak;

        /** Records a step; false when it fell below 90 % of the offer (no point going higher). */
        boolean add(double offered, double acked) {
            peak = Math.max(peak, acked);
            if (acked >= SUSTAINED * offered) {
                sustained = Math.max(sustained, acked);
            }
            return acked >= 0.9 * offered;
        }

        /** Highest acknowledged rate of a sustained step (0 when none was). */
        double sustained() {
            return sustained;
        }

        double peak() {
            return peak;
        }
    }

    static SimConfig simConfig(Options o) {
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
        return SimConfig.defaults()
                .withSymbols(o.symbols())
                .withAggTradesPerDay(o.aggTradesPerDay())
                .withDayCacheSize(4 * o.symbols().size())
                .withStreams(limits);
    }

    private interface SimBody<T> {
        T run(Sim sim);
    }

    /** A running simulator and the clock it replays on. */
    private record Sim(ExchangeSimulator server, ScaledClock clock) {}

    /**
     * The replay speed at which the model's actual trades (intraday profile included) arrive at
     * {@code rate} msgs/s on average over the measured seconds (after connecting and the warm-up):
     * a geometric bisection around the nominal {@link Options#speedFor}, because a faster replay
     * also moves the measured window to another part of the day.
     */
    static double calibratedSpeed(MarketModel model, Options o, double rate) {
        double lo = o.speedFor(rate) / 8;
        double hi = o.speedFor(rate) * 8;
        while (offeredRate(model, o, hi) < rate && hi < 1e9) {
            hi *= 4;
        }
        for (int i = 0; i < 12; i++) {
            double mid = Math.sqrt(lo * hi);
            if (offeredRate(model, o, mid) < rate) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    /** The model's aggTrades per wall second over the measured window at {@code speed}. */
    static double offeredRate(MarketModel model, Options o, double speed) {
        double fromS = WARM_UP_MS / 1000.0 + CONNECT_S;
        long fromUs = START_US + (long) (fromS * speed * 1e6);
        long toUs = START_US + (long) ((fromS + o.seconds()) * speed * 1e6);
        long n = 0;
        for (Symbol s : o.symbols()) {
            n += model.aggTrades(s, fromUs, toUs).size();
        }
        return (double) n / o.seconds();
    }

    private <T> T withSim(Options o, double speed, SimBody<T> body) {
        ScaledClock clock = new ScaledClock(START_US, speed);
        SimConfig cfg = simConfig(o).withTimeSource(clock);
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
        return measure(new AtomicLong[] {counter}, seconds)[0];
    }

    /**
     * Rates per second of the counters over the same {@code seconds}, after {@link #WARM_UP_MS}
     * (the simulator generates the first day of every symbol when its stream starts).
     */
    static double[] measure(AtomicLong[] counters, int seconds) {
        RestBench.sleepMs(WARM_UP_MS);
        long[] c0 = new long[counters.length];
        for (int i = 0; i < counters.length; i++) {
            c0[i] = counters[i].get();
        }
        long t0 = System.nanoTime();
        RestBench.sleepMs(seconds * 1_000L);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double[] rates = new double[counters.length];
        for (int i = 0; i < counters.length; i++) {
            rates[i] = (counters[i].get() - c0[i]) / elapsed;
        }
        return rates;
    }

    /** Feed throughput (acks/s) and, when {@code latencyCapacity} > 0, ack latencies. */
    record FeedRun(
            double offeredRate,
            double ackRate,
            double receivedRate,
            Percentiles latencyNs,
            long latencyDropped) {}

    private FeedRun feedRun(
            Sim sim,
            MarketModel model,
            EmbeddedKafkaBroker kafka,
            KafkaSettings ks,
            Options o,
            int latencyCapacity) {
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
                recordFrom[0] = System.nanoTime() + WARM_UP_MS * 1_000_000L;
                long simFromUs = clock.nowUs() + (long) (WARM_UP_MS * 1_000 * clock.speed());
                double[] rates = measure(new AtomicLong[] {received, acks}, o.seconds());
                long simToUs = clock.nowUs();
                long offered = 0;
                for (Symbol s : o.symbols()) {
                    offered += model.aggTrades(s, simFromUs, simToUs).size();
                }
                double offeredRate = offered / ((simToUs - simFromUs) / clock.speed() / 1e6);
                double receivedRate = rates[0];
                double rate = rates[1];
                if (failures.get() > 0) {
                    throw new IllegalStateException(failures.get() + " Kafka sends failed");
                }
                int n = Math.min(recorded.get(), latencies.length);
                return new FeedRun(
                        offeredRate,
                        rate,
                        receivedRate,
                        latencyCapacity > 0 ? new Percentiles(latencies, n) : null,
                        dropped.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void print(Options o, double simMax, Ladder ladder, FeedRun fixed) {
        Percentiles p = fixed.latencyNs();
        out.println();
        out.printf(
                "symbols × aggTrades/day           %d × %,d (aggTrade streams, one feed)%n",
                o.symbols().size(), o.aggTradesPerDay());
        out.printf("sim max to a bare client (raw)    %,12.0f msgs/s%n", simMax);
        out.printf(
                "feed → Kafka sustained (≥95%% acked) %,10.0f msgs/s  = %.2f of raw  (target ≥ %,.0f)%n",
                ladder.sustained(), ladder.sustained() / simMax, TARGET_RATE);
        out.printf("feed → Kafka peak acked           %,12.0f msgs/s%n", ladder.peak());
        out.printf(
                "fixed rate target / offered / acked %,10d / %,.0f / %,.0f msgs/s%n",
                o.rate(), fixed.offeredRate(), fixed.ackRate());
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
