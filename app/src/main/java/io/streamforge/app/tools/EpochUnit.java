package io.streamforge.app.tools;

import io.streamforge.domain.Micros;

/**
 * Unit of the epoch timestamps of one input file, detected from its first timestamp as in Binance
 * dumps (a value &gt; 10^13 is µs, else ms). Output files keep the input's unit.
 */
enum EpochUnit {
    MILLIS("ms"),
    MICROS("µs");

    private final String label;

    EpochUnit(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static EpochUnit of(long value) {
        return value > Micros.MICROS_THRESHOLD ? MICROS : MILLIS;
    }

    long toMicros(long value) {
        return this == MICROS ? value : Micros.fromMs(value);
    }

    /** A µs instant in this unit; for ms it must be a whole millisecond. */
    long fromMicros(long us) {
        return this == MICROS ? us : Micros.toMs(us);
    }

    /** Converts a value of this file, failing when it is of the other unit. */
    long checkedMicros(long value, String where) {
        if (value < 0) {
            throw new IllegalArgumentException(where + ": negative timestamp " + value);
        }
        EpochUnit u = of(value);
        if (u != this) {
            throw new IllegalArgumentException(
                    where
                            + ": timestamp "
                            + value
                            + " is in "
                            + u.label
                            + " but the file started with "
                            + label
                            + " timestamps (mixed units in one file)");
        }
        return toMicros(value);
    }
}
