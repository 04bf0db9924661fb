package io.streamforge.kafka;

import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.port.TimeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;

/**
 * A loader's writer to its queue's data topic: message key = symbol (per-symbol order), and on
 * completion an end-of-stream marker on every partition.
 */
public final class DataPublisher {
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String producerId;
    private final TimeSource time;
    private final AtomicLong sent = new AtomicLong();
    private volatile Exception asyncFailure;

    public DataPublisher(
            Producer<String, byte[]> producer, String topic, String producerId, TimeSource time) {
        this.producer = producer;
        this.topic = Topics.requireLegal(topic);
        this.producerId = producerId;
        this.time = time;
    }

    /**
     * Sends records asynchronously; a failure surfaces on the next call or on {@link #finish()}.
     */
    public void send(Collection<? extends MarketRecord> records) {
        throwIfFailed();
        for (MarketRecord r : records) {
            producer.send(
                    new ProducerRecord<>(topic, r.symbol().value(), RecordCodec.encode(r)),
                    (md, e) -> {
                        if (e != null) {
                            asyncFailure = e;
                        }
                    });
        }
        sent.addAndGet(records.size());
    }

    /**
     * Sends coverage facts keyed by {@code symbol}: they land on the same partition as the records
     * of that symbol sent before, so the connector stores those records first. Not counted in
     * {@link #sent()}.
     */
    public void sendCoverage(
            io.streamforge.domain.Symbol symbol,
            List<io.streamforge.domain.coverage.Received> received,
            List<io.streamforge.domain.coverage.Gap> gaps) {
        throwIfFailed();
        var cov = new DataMessage.Coverage(producerId, received, gaps);
        if (cov.isEmpty()) {
            return;
        }
        producer.send(
                new ProducerRecord<>(topic, symbol.value(), RecordCodec.encode(cov)),
                (md, e) -> {
                    if (e != null) {
                        asyncFailure = e;
                    }
                });
    }

    public long sent() {
        return sent.get();
    }

    /** Flushes, then writes an end-of-stream marker to every partition and waits for them. */
    public void finish() {
        producer.flush();
        throwIfFailed();
        List<PartitionInfo> partitions = producer.partitionsFor(topic);
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (PartitionInfo p : partitions) {
            var eos =
                    new DataMessage.EndOfStream(
                            producerId, p.partition(), sent.get(), time.nowUs());
            acks.add(
                    producer.send(
                            new ProducerRecord<>(
                                    topic, p.partition(), "__eos__", RecordCodec.encode(eos))));
        }
        for (Future<RecordMetadata> f : acks) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new io.streamforge.domain.TransientException(
                        "end-of-stream marker not written", e.getCause());
            }
        }
    }

    private void throwIfFailed() {
        if (asyncFailure != null) {
            throw new io.streamforge.domain.TransientException("Kafka send failed", asyncFailure);
        }
    }
}
