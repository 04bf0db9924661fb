package io.streamforge.loader.ws;

import io.micrometer.core.instrument.Timer;
import io.streamforge.domain.port.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * A producer decorator that records {@code streamforge_ws_event_lag_seconds}: from the exchange
 * event time of the record being sent (set by the sending thread with {@link #eventTime}) to the
 * broker's acknowledgement. {@code DataPublisher} sends on the caller's thread, so the event time
 * set just before {@code publisher.send(...)} belongs to that record. Transactions are not used.
 */
final class AckTimingProducer implements Producer<String, byte[]> {
    private final Producer<String, byte[]> delegate;
    private final Timer lag;
    private final TimeSource time;
    private final ThreadLocal<long[]> eventTimeUs = ThreadLocal.withInitial(() -> new long[] {-1});

    AckTimingProducer(Producer<String, byte[]> delegate, Timer lag, TimeSource time) {
        this.delegate = delegate;
        this.lag = lag;
        this.time = time;
    }

    /** The event time (µs) of the next record(s) sent from this thread; -1 = not timed. */
    void eventTime(long us) {
        eventTimeUs.get()[0] = us;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return send(record, null);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        long eventUs = eventTimeUs.get()[0];
        return delegate.send(
                record,
                (md, e) -> {
                    if (e == null && eventUs > 0) {
                        lag.record(Math.max(0, time.nowUs() - eventUs), TimeUnit.MICROSECONDS);
                    }
                    if (callback != null) {
                        callback.onCompletion(md, e);
                    }
                });
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return delegate.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return delegate.metrics();
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        delegate.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        delegate.unregisterMetricFromSubscription(metric);
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return delegate.clientInstanceId(timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void close(Duration timeout) {
        delegate.close(timeout);
    }

    @Override
    public void initTransactions() {
        throw new UnsupportedOperationException("loader-ws does not use transactions");
    }

    @Override
    public void beginTransaction() {
        throw new UnsupportedOperationException("loader-ws does not use transactions");
    }

    @Override
    public void sendOffsetsToTransaction(
            Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        throw new UnsupportedOperationException("loader-ws does not use transactions");
    }

    @Override
    public void commitTransaction() {
        throw new UnsupportedOperationException("loader-ws does not use transactions");
    }

    @Override
    public void abortTransaction() {
        throw new UnsupportedOperationException("loader-ws does not use transactions");
    }
}
