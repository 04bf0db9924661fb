package io.streamforge.binance.ws;

import io.streamforge.binance.DepthUpdate;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Trade;
import java.util.List;

/**
 * Events (already de-duplicated across connections) and connection lifecycle with reasons, for
 * telemetry. Called from the feed's connection threads, one call at a time.
 */
public interface WsFeedListener {
    default void onAggTrade(String stream, AggTrade trade) {}

    default void onTrade(String stream, Trade trade) {}

    default void onKline(String stream, KlineUpdate kline) {}

    default void onDepth(String stream, DepthUpdate update) {}

    /** A shard's first connection is subscribed to all its streams. */
    default void onConnected(int shard, List<String> streams) {}

    /**
     * A planned make-before-break switch to a new connection finished (lifetime, serverShutdown).
     */
    default void onRotated(int shard, String reason) {}

    /** A connection was lost without being planned (closed by server, I/O error, idle timeout). */
    default void onDropped(int shard, String reason) {}

    /** A dropped shard is subscribed again after {@code attempts} tries. */
    default void onReconnected(int shard, int attempts) {}

    /** After an unplanned drop: what may be missing per stream, to backfill over REST. */
    default void onGap(WsGap gap) {}
}
