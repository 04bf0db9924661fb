package io.streamforge.binance.ws;

import io.streamforge.binance.DepthUpdate;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Trade;
import java.util.HashMap;
import java.util.Map;

/**
 * Drops events already delivered, per stream, so overlapping connections (rotation, reconnect)
 * deliver each event once: aggTrade by id, trade by id, depth by final update id {@code u}, kline
 * by open time + closed flag (+ event time for in-progress updates). Also remembers the last seen
 * id/time for gap reports. Not thread-safe: the feed calls it under its lock.
 */
final class StreamDedup {
    private static final class State {
        long lastId = -1;
        long lastTimeUs = -1;
        long klineOpenUs = Long.MIN_VALUE;
        boolean klineClosed;
        long klineEventUs = Long.MIN_VALUE;
    }

    private final Map<String, State> states = new HashMap<>();

    boolean accept(String stream, Object event) {
        State s = states.computeIfAbsent(stream, k -> new State());
        if (event instanceof AggTrade a) {
            return byId(s, a.aggId(), a.timeUs());
        }
        if (event instanceof Trade t) {
            return byId(s, t.tradeId(), t.timeUs());
        }
        if (event instanceof DepthUpdate d) {
            return byId(s, d.finalUpdateId(), d.eventTimeUs());
        }
        if (event instanceof KlineUpdate k) {
            return kline(s, k);
        }
        return true;
    }

    private static boolean byId(State s, long id, long timeUs) {
        if (id <= s.lastId) {
            return false;
        }
        s.lastId = id;
        s.lastTimeUs = timeUs;
        return true;
    }

    private static boolean kline(State s, KlineUpdate k) {
        long open = k.candle().openTimeUs();
        if (open < s.klineOpenUs) {
            return false;
        }
        if (open == s.klineOpenUs) {
            if (s.klineClosed) return false;
            if (!k.closed() && k.eventTimeUs() <= s.klineEventUs) return false;
        }
        s.klineOpenUs = open;
        s.klineClosed = k.closed();
        s.klineEventUs = k.eventTimeUs();
        s.lastTimeUs = open;
        return true;
    }

    long lastId(String stream) {
        State s = states.get(stream);
        return s == null ? -1 : s.lastId;
    }

    long lastTimeUs(String stream) {
        State s = states.get(stream);
        return s == null ? -1 : s.lastTimeUs;
    }
}
