package io.streamforge.connector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.DlqPublisher;
import io.streamforge.kafka.InvalidRecordException;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.runtime.Retry;
import io.streamforge.runtime.WorkerContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The consume → validate → upsert → commit loop. Offsets (with the end-of-stream state in their
 * metadata) are committed only after the database transaction of the same records committed:
 * at-least-once delivery plus idempotent upserts gives an exactly-once outcome. Coverage facts (ADR
 * 1701) are written to the ledger right after the batch's records, in message order, before the
 * offset commit; ledger writes are idempotent too. Decoding batch n+1 on the poll thread overlaps
 * the database write of batch n on the writer thread; at most one batch is in flight and its
 * offsets are committed by the poll thread once its transaction committed.
 */
final class SinkConnector {
    private final KafkaConsumer<String, byte[]> consumer;
    private final DlqPublisher dlq;
    private final MarketDataStore store;
    private final CoverageLedger ledger;
    private final ConnectorSettings settings;
    private final EndOfStreamTracker tracker;
    private final WorkerContext ctx;
    private final Counter written;
    private final Counter rejected;
    private final Counter coverageFacts;
    private final Timer batchTimer;
    private final ExecutorService writer =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "connector-db-writer"));
    private Pending pending;
    private long total;
    private int batches;

    SinkConnector(
            KafkaConsumer<String, byte[]> consumer,
            DlqPublisher dlq,
            MarketDataStore store,
            CoverageLedger ledger,
            ConnectorSettings settings,
            WorkerContext ctx) {
        this.consumer = consumer;
        this.dlq = dlq;
        this.store = store;
        this.ledger = ledger;
        this.settings = settings;
        this.ctx = ctx;
        this.tracker = new EndOfStreamTracker(settings.expectedProducers());
        this.written = ctx.registry().counter("streamforge_connector_records_written_total");
        this.rejected = ctx.registry().counter("streamforge_connector_dlq_total");
        this.coverageFacts = ctx.registry().counter("streamforge_connector_coverage_facts_total");
        this.batchTimer = ctx.registry().timer("streamforge_connector_batch_seconds");
    }

    long run() throws Exception {
        consumer.subscribe(settings.topics(), new RestoreOnAssign());
        // live: no end-of-stream markers, the member runs until stopped (ADR 3001)
        int partitions =
                settings.live()
                        ? 0
                        : consumer.partitionsFor(settings.topic(), Duration.ofSeconds(30)).size();
        long lastProgressMs = ctx.time().nowMs();
        try {
            while (!ctx.stop().stopped() && (settings.live() || !tracker.allDone(partitions))) {
                ConsumerRecords<String, byte[]> recs =
                        consumer.poll(Duration.ofMillis(settings.pollMs()));
                if (recs.isEmpty()) {
                    finishPending();
                    continue;
                }
                Decoded next = decode(recs); // while the previous batch is being written
                finishPending();
                pending = new Pending(next, writer.submit(() -> write(next)));
                long now = ctx.time().nowMs();
                if (now - lastProgressMs >= 2_000) {
                    lastProgressMs = now;
                    ctx.telemetry().send("loading", "stored " + total, total);
                }
            }
            finishPending();
        } finally {
            writer.shutdownNow();
        }
        return total;
    }

    /** One polled batch, decoded: records, coverage facts, the offsets to commit after it. */
    private record Decoded(
            List<MarketRecord> records,
            List<DataMessage.Coverage> facts,
            Map<TopicPartition, OffsetAndMetadata> offsets,
            List<Future<RecordMetadata>> dlqAcks) {}

    /** A batch whose database write runs on the writer thread; committed by the poll thread. */
    private record Pending(Decoded batch, Future<Void> write) {}

    private Decoded decode(ConsumerRecords<String, byte[]> recs) {
        Decoded d =
                new Decoded(
                        new ArrayList<>(recs.count()),
                        new ArrayList<>(),
                        new HashMap<>(),
                        new ArrayList<>());
        for (ConsumerRecord<String, byte[]> rec : recs) {
            try {
                DataMessage m = RecordCodec.decode(rec.value());
                if (m instanceof DataMessage.Data data) {
                    d.records().add(data.record());
                } else if (m instanceof DataMessage.Coverage c) {
                    d.facts().add(c);
                } else {
                    tracker.mark(rec.partition(), ((DataMessage.EndOfStream) m).producer());
                }
            } catch (InvalidRecordException e) {
                d.dlqAcks().add(dlq.publish(rec, e.getMessage()));
                rejected.increment();
            }
        }
        // per partition: after its last record, with the end-of-stream state after this batch
        for (TopicPartition tp : recs.partitions()) {
            List<ConsumerRecord<String, byte[]>> part = recs.records(tp);
            long next = part.get(part.size() - 1).offset() + 1;
            d.offsets().put(tp, new OffsetAndMetadata(next, tracker.metadata(tp.partition())));
        }
        return d;
    }

    /** Writer thread: records, then coverage facts, then the DLQ acknowledgements. */
    private Void write(Decoded d) throws Exception {
        if (!d.records().isEmpty()) {
            batchTimer.recordCallable(
                    () ->
                            Retry.call(
                                    "upsert",
                                    8,
                                    200,
                                    10_000,
                                    ctx.stop(),
                                    () -> {
                                        store.upsert(d.records());
                                        return null;
                                    }));
        }
        if (!d.facts().isEmpty()) {
            Retry.call("coverage", 8, 200, 10_000, ctx.stop(), () -> recordFacts(d.facts()));
        }
        d.dlqAcks().forEach(DlqPublisher::await);
        return null;
    }

    /**
     * Poll thread: waits for the pending batch's database commit, then commits its offsets (never
     * before: at-least-once + idempotent upserts = exactly-once outcome).
     */
    private void finishPending() throws Exception {
        Pending p = pending;
        if (p == null) {
            return;
        }
        pending = null;
        try {
            p.write().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        batches++;
        if (settings.failAfterBatches() > 0 && batches >= settings.failAfterBatches()) {
            throw new IllegalStateException(
                    "injected failure after "
                            + batches
                            + " batches (CONNECTOR_FAIL_AFTER_BATCHES)");
        }
        consumer.commitSync(p.batch().offsets());
        total += p.batch().records().size();
        written.increment(p.batch().records().size());
    }

    /** In message order: a later gap state of the same range must win. */
    private Void recordFacts(List<DataMessage.Coverage> facts) {
        if (ledger == null) {
            coverageFacts.increment(facts.size());
            return null;
        }
        for (DataMessage.Coverage c : facts) {
            ledger.record(c.received());
            ledger.recordGaps(c.gaps());
        }
        coverageFacts.increment(facts.size());
        return null;
    }

    /**
     * Restores the end-of-stream state saved with the committed offsets of newly assigned
     * partitions.
     */
    private final class RestoreOnAssign implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> parts) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    consumer.committed(new java.util.HashSet<>(parts));
            committed.forEach(
                    (tp, om) -> {
                        if (om != null) {
                            tracker.restore(tp.partition(), om.metadata());
                        }
                    });
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> parts) {
            try {
                finishPending(); // commit what was written while we still own the partitions
            } catch (Exception e) {
                throw new IllegalStateException("pending batch failed on revocation: " + e, e);
            }
        }
    }
}
