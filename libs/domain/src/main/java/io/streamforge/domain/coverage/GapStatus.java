package io.streamforge.domain.coverage;

import java.util.Arrays;

/**
 * State of a gap: {@code missing} (unexpected, to be filled), {@code filled} (the data arrived
 * later), {@code expected} (the exchange itself has no data, e.g. maintenance or a trading halt —
 * established by asking the source).
 */
public enum GapStatus {
    MISSING("missing"),
    FILLED("filled"),
    EXPECTED("expected");

    private final String wire;

    GapStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Parses a wire name; the error lists the valid names. */
    public static GapStatus of(String wire) {
        for (GapStatus s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "invalid gap status '"
                        + wire
                        + "': expected one of "
                        + Arrays.stream(values()).map(GapStatus::wire).toList());
    }

    @Override
    public String toString() {
        return wire;
    }
}
