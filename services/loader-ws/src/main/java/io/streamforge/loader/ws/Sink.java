package io.streamforge.loader.ws;

import io.streamforge.domain.MarketRecord;

/** Where the per-stream sequencers hand their results (implemented by {@link StreamPipeline}). */
interface Sink {
    /** Publishes one record that passed de-duplication. */
    void publish(MarketRecord record, boolean backfilled);

    /**
     * Reports a gap: the ids strictly between {@code fromId} and {@code toId} (the records that
     * border the gap) and the event-time span between them. {@code reason} starts with {@code
     * expected} (ids contiguous: the exchange had no trades, e.g. maintenance) or {@code missing}
     * (ids or candles absent and not obtainable over REST).
     */
    void gap(Gap gap);

    /** A gap report; becomes the {@code extra} of a {@code gap} telemetry event. */
    record Gap(
            String stream,
            String symbol,
            long fromId,
            long toId,
            long fromUs,
            long toUs,
            String reason) {}
}
