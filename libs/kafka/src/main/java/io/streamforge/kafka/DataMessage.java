package io.streamforge.kafka;

import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.Received;
import java.util.List;
import java.util.Objects;

/** What a data topic carries: market records, coverage facts and end-of-stream markers. */
public sealed interface DataMessage {
    /** A market record. */
    record Data(MarketRecord record) implements DataMessage {}

    /**
     * End of stream of one producer (a loader's telemetry id) on one partition: written by a
     * finishing loader to every partition of its data topic.
     */
    record EndOfStream(String producer, int partition, long recordsSent, long sentAtUs)
            implements DataMessage {}

    /**
     * Coverage facts of a loader (ADR 1701): ranges it received from a source and gap states it
     * established, for the connector to persist in the coverage ledger after the records sent
     * before it (same key = same partition, so they are stored first).
     */
    record Coverage(String producer, List<Received> received, List<Gap> gaps)
            implements DataMessage {
        public Coverage {
            Objects.requireNonNull(producer, "producer");
            received = List.copyOf(received);
            gaps = List.copyOf(gaps);
        }

        public boolean isEmpty() {
            return received.isEmpty() && gaps.isEmpty();
        }
    }
}
