package io.streamforge.binance.ws;

import java.util.Objects;

/**
 * Events of {@code stream} may be missing after an unplanned drop: everything after {@code
 * lastSeenId} (aggTrade/trade id, depth {@code u}; -1 when none seen) or after {@code
 * lastSeenTimeUs} (event/open time; -1 when none) up to the reconnect. The loader backfills over
 * REST from there; duplicates with the live stream are harmless (natural-key upserts).
 */
public record WsGap(
        String stream, long lastSeenId, long lastSeenTimeUs, long reconnectedAtUs, String reason) {
    public WsGap {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(reason, "reason");
    }
}
