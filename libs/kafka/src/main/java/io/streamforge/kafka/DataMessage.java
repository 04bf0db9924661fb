package io.streamforge.kafka;

import io.streamforge.domain.MarketRecord;

/** What a data topic carries: market records and end-of-stream markers. */
public sealed interface DataMessage {
    /** A market record. */
    record Data(MarketRecord record) implements DataMessage {}

    /**
     * End of stream of one producer (a loader's telemetry id) on one partition: written by a
     * finishing loader to every partition of its data topic.
     */
    record EndOfStream(String producer, int partition, long recordsSent, long sentAtUs)
            implements DataMessage {}
}
