package io.streamforge.app.bench;

import io.streamforge.binance.ws.BinanceWsFeed;
import io.streamforge.binance.ws.WsStream;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import io.streamforge.sim.StreamLimits;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code bench ws}: aggTrade messages/s one {@link BinanceWsFeed} sustains into Kafka, and the
 * latency from exchange event time to Kafka acknowledgement at a fixed rate. The simulator replays
 * on a {@link ScaledClock} whose speed sets the message rate (symbols × aggTrades per day × speed /
 * 86,400); its hub polls every millisecond. The raw limit is the simulator's own delivery rate to a
 * bare WebSocket client that only counts frames, measured first in the same run.
 */
final class WsBench {
    static final double TARGET_RATE = 200_000;
    static final double TARGET_P99_MS = 20;

    static final long WARM_UP_MS = 3_000;

    /** Wall seconds from simulator start to the feed being subscribed (measured ~0.3-0.6 s). */
    private static final double CONNECT_S = 0.5;

    private static final long START_US = Micros.of(Instant.parse("2024-03-01T00:00:00Z"));

    private final PrintStream out;

    WsBench(PrintStream out) {
        this.out = out;
    }

    void run(WsBenchOptions o) {
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
                                sim ->
                                        FeedRun.run(
                                                sim.server().wsBaseUrl(),
                                                sim.clock(),
                                                model,
                                                kafka,
                                                ks,
                                                o,
                                                0));
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
                            sim ->
                                    FeedRun.run(
                                            sim.server().wsBaseUrl(),
                                            sim.clock(),
                                            model,
                                            kafka,
                                            ks,
                                            o,
                                            o.rate() * (o.seconds() + 4)));
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

    static SimConfig simConfig(WsBenchOptions o) {
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
     * a geometric bisection around the nominal {@link WsBenchOptions#speedFor}, because a faster
     * replay also moves the measured window to another part of the day.
     */
    static double calibratedSpeed(MarketModel model, WsBenchOptions o, double rate) {
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
    static double offeredRate(MarketModel model, WsBenchOptions o, double speed) {
        double fromS = WARM_UP_MS / 1000.0 + CONNECT_S;
        long fromUs = START_US + (long) (fromS * speed * 1e6);
        long toUs = START_US + (long) ((fromS + o.seconds()) * speed * 1e6);
        long n = 0;
        for (Symbol s : o.symbols()) {
            n += model.aggTrades(s, fromUs, toUs).size();
        }
        return (double) n / o.seconds();
    }

    private <T> T withSim(WsBenchOptions o, double speed, SimBody<T> body) {
        ScaledClock clock = new ScaledClock(START_US, speed);
        SimConfig cfg = simConfig(o).withTimeSource(clock);
        try (ExchangeSimulator sim = ExchangeSimulator.start(cfg)) {
            return body.run(new Sim(sim, clock));
        }
    }

    private double bareClientRate(Sim sim, WsBenchOptions o) {
        String streams =
                o.symbols().stream()
                        .map(s -> WsStream.aggTrade(s).name())
                        .collect(Collectors.joining("/"));
        return bareClientRate(sim.server().wsBaseUrl() + "/stream?streams=" + streams, o.seconds());
    }

    /**
     * Frames/s a bare JDK WebSocket client receives from {@code url} when it only counts them: the
     * raw limit of a source.
     */
    static double bareClientRate(String url, int seconds) {
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
                        .buildAsync(URI.create(url), counter)
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join();
        try {
            return measure(frames, seconds);
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

    private void print(WsBenchOptions o, double simMax, Ladder ladder, FeedRun fixed) {
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
                            + " the feed rate is bounded by it (`bench ws --source blaster` measures the"
                            + " loader-ws service with a source that is not the limit)%n",
                    simMax, TARGET_RATE);
        }
    }
}
