package io.streamforge.domain.coverage;

import java.util.Arrays;

/**
 * Where a range of data came from, with its rank for history: {@code dump > rest > ws}. Dumps are
 * Binance's published daily/monthly files (checked, complete per file); REST answers are
 * authoritative but may be fetched while a candle is still open; WebSocket data is live and may
 * miss messages across disconnects. Where sources overlap, the higher rank is credited.
 */
public enum Source {
    DUMP("dump", 3),
    REST("rest", 2),
    WS("ws", 1);

    private final String wire;
    private final int rank;

    Source(String wire, int rank) {
        this.wire = wire;
        this.rank = rank;
    }

    public String wire() {
        return wire;
    }

    /** Higher is better. */
    public int rank() {
        return rank;
    }

    /** Whether this source replaces {@code other} where both cover the same time. */
    public boolean outranks(Source other) {
        return rank > other.rank;
    }

    /** Parses a wire name; the error lists the valid names. */
    public static Source of(String wire) {
        for (Source s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "invalid source '"
                        + wire
                        + "': expected one of "
                        + Arrays.stream(values()).map(Source::wire).toList());
    }

    @Override
    public String toString() {
        return wire;
    }
}
