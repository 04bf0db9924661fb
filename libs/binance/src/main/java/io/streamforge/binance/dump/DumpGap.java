package io.streamforge.binance.dump;

import io.streamforge.domain.TimeRange;
import java.util.Objects;

/**
 * A part of the requested range the dumps did not deliver, and why. The loader fills it from REST
 * or records it in its coverage ledger; it is never silently absent.
 */
public record DumpGap(TimeRange range, Reason reason, String detail) {
    public enum Reason {
        /** The archive answered 404 (maintenance gap, delisted, or not produced). */
        NOT_FOUND,
        /** The archive exists but its {@code .CHECKSUM} does not: unverifiable, not used. */
        CHECKSUM_MISSING,
        /** After the last reliable day (daily files appear the next day): take it from REST. */
        NOT_YET_PUBLISHED
    }

    public DumpGap {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
