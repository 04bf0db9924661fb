package io.streamforge.domain.coverage;

import java.util.Arrays;

/** The market data streams whose coverage is tracked. Only {@link #KLINES} has an interval. */
public enum DataStream {
    KLINES("klines"),
    AGG_TRADES("agg_trades"),
    TRADES("trades"),
    DEPTH("depth");

    private final String wire;

    DataStream(String wire) {
        this.wire = wire;
    }

    /** The stored/printed name, e.g. {@code agg_trades}. */
    public String wire() {
        return wire;
    }

    /** Parses a wire name; the error lists the valid names. */
    public static DataStream of(String wire) {
        for (DataStream s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "invalid stream '"
                        + wire
                        + "': expected one of "
                        + Arrays.stream(values()).map(DataStream::wire).toList());
    }

    @Override
    public String toString() {
        return wire;
    }
}
