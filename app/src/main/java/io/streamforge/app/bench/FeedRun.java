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
import io.streamforge.sim.MarketModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Feed throughput (acks/s) and, when {@code latencyCapacity} > 0, ack latencies. */
record FeedRun(
        double offeredRate,
        double ackRate,
        double receivedRate,
        Percentiles latencyNs,
        long latencyDropped) {

    /** One feed → Kafka run against the simulator at {@code wsBaseUrl}. */
    static FeedRun run(
            String wsBaseUrl,
            ScaledClock clock,
            MarketModel model,
            EmbeddedKafkaBroker kafka,
            KafkaSettings ks,
            WsBenchOptions o,
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
            WsFeedConfig cfg = WsFeedConfig.defaults(wsBaseUrl).withMicroseconds(true);
            List<WsStream> streams = o.symbols().stream().map(WsStream::aggTrade).toList();
            try (BinanceWsFeed feed = new BinanceWsFeed(cfg, streams, listener)) {
                feed.start();
                if (!feed.awaitConnected(10_000)) {
                    throw new IllegalStateException("feed did not connect to " + cfg.baseUrl());
                }
                recordFrom[0] = System.nanoTime() + WsBench.WARM_UP_MS * 1_000_000L;
                long simFromUs =
                        clock.nowUs() + (long) (WsBench.WARM_UP_MS * 1_000 * clock.speed());
                double[] rates = WsBench.measure(new AtomicLong[] {received, acks}, o.seconds());
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
}
