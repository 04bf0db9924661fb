package io.streamforge.binance.ws;

import java.util.List;

/**
 * A group of streams served by one connection at a time (two while rotating): the state {@link
 * ShardSupervisor} keeps per shard, touched on its scheduler thread only.
 */
final class WsShard {
    final int index;
    final List<String> streams;
    WsConnection current;
    WsConnection pending;
    String pendingReason;
    boolean dropped;
    String dropReason;
    int attempts;
    boolean everConnected;

    WsShard(int index, List<String> streams) {
        this.index = index;
        this.streams = List.copyOf(streams);
    }
}
