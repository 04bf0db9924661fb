package io.streamforge.app.bench;

import io.streamforge.binance.ws.BinanceWsFeed;
import io.streamforge.binance.ws.WsFeedConfig;
import io.streamforge.binance.ws.WsFeedListener;
import io.streamforge.binance.ws.WsStream;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.RecordCodec;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code bench ws --source blaster}: the capacity of one {@link BinanceWsFeed} with a source that
 * is not the bottleneck. A {@link FrameBlaster} replays pre-encoded btcusdt@aggTrade frames as fast
 * as the reader takes them; measured: (a) the blaster's rate to a bare counting JDK WebSocket
 * client, (b) feed → parse only, (c) feed → parse → Kafka produce (acknowledged), (d) the real
 * loader-ws worker ({@link LoaderWsRun}) → Kafka.
 */
final class BlasterBench {
    private final PrintStream out;

    BlasterBench(PrintStream out) {
        this.out = out;
    }

    void run(WsBenchOptions o) {
        double raw;
        try (FrameBlaster b = FrameBlaster.start()) {
            out.println("» blaster → bare JDK WebSocket client (counts frames) ...");
            raw =
                    WsBench.bareClientRate(
                            b.wsBaseUrl() + "/stream?streams=btcusdt@aggTrade", o.seconds());
            out.printf("» blaster delivers %,.0f msgs/s%n", raw);
        }
        double parsed;
        try (FrameBlaster b = FrameBlaster.start()) {
            out.println("» blaster → BinanceWsFeed → parse (no Kafka) ...");
            parsed = feedRate(b, o.seconds(), null, null)[0];
            out.printf("» feed parses %,.0f msgs/s%n", parsed);
        }
        double[] kafkaRates;
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
                FrameBlaster b = FrameBlaster.start()) {
            out.println("» blaster → BinanceWsFeed → parse → Kafka produce ...");
            kafkaRates =
                    feedRate(
                            b,
                            o.seconds(),
                            kafka,
                            KafkaSettings.plaintext(kafka.bootstrapServers()));
            out.printf(
                    "» feed received %,.0f, Kafka acked %,.0f msgs/s%n",
                    kafkaRates[0], kafkaRates[1]);
        }
        double loader;
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
                FrameBlaster b = FrameBlaster.start()) {
            out.println("» blaster → loader-ws worker (the service) → Kafka ...");
            loader = LoaderWsRun.rate(b, kafka, o.seconds());
            out.printf("» loader-ws wrote %,.0f records/s%n", loader);
        } catch (Exception e) {
            throw new IllegalStateException("loader-ws run failed: " + e, e);
        }
        out.println();
        out.println("source: FrameBlaster, pre-encoded combined-stream aggTrade frames, 1 stream");
        out.printf("blaster → bare client (raw)       %,12.0f msgs/s%n", raw);
        out.printf(
                "feed → parse                      %,12.0f msgs/s  = %.2f of raw  (target ≥ %,.0f)%n",
                parsed, parsed / raw, WsBench.TARGET_RATE);
        out.printf(
                "feed → parse → Kafka acked        %,12.0f msgs/s  = %.2f of raw  (target ≥ %,.0f)%n",
                kafkaRates[1], kafkaRates[1] / raw, WsBench.TARGET_RATE);
        out.printf("  (feed received during Kafka run %,12.0f msgs/s)%n", kafkaRates[0]);
        out.printf(
                "loader-ws service → Kafka          %,12.0f msgs/s  = %.2f of raw  (target ≥ %,.0f)%n",
                loader, loader / raw, WsBench.TARGET_RATE);
    }

    /** {received, acked} msgs/s; without Kafka ({@code kafka == null}) acked is 0. */
    static double[] feedRate(
            FrameBlaster b, int seconds, EmbeddedKafkaBroker kafka, KafkaSettings ks) {
        AtomicLong received = new AtomicLong();
        AtomicLong acks = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        String topic = "bench-ws-blaster-" + System.nanoTime();
        KafkaProducer<String, byte[]> producer = null;
        if (kafka != null) {
            kafka.createTopic(topic, 3);
            producer = KafkaClients.producer(ks, "bench-ws-blaster");
        }
        KafkaProducer<String, byte[]> p = producer;
        WsFeedListener listener =
                new WsFeedListener() {
                    @Override
                    public void onAggTrade(String stream, AggTrade t) {
                        received.incrementAndGet();
                        if (p == null) {
                            return;
                        }
                        p.send(
                                new ProducerRecord<>(
                                        topic, t.symbol().value(), RecordCodec.encode(t)),
                                (md, e) -> (e == null ? acks : failures).incrementAndGet());
                    }
                };
        WsFeedConfig cfg = WsFeedConfig.defaults(b.wsBaseUrl()).withMicroseconds(true);
        List<WsStream> streams = List.of(WsStream.aggTrade(Symbol.of("BTCUSDT")));
        try (BinanceWsFeed feed = new BinanceWsFeed(cfg, streams, listener)) {
            feed.start();
            if (!feed.awaitConnected(10_000)) {
                throw new IllegalStateException("feed did not connect to " + cfg.baseUrl());
            }
            double[] rates = WsBench.measure(new AtomicLong[] {received, acks}, seconds);
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " Kafka sends failed");
            }
            return rates;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (producer != null) {
                producer.close(java.time.Duration.ofSeconds(5));
            }
        }
    }
}
