package io.streamforge.domain.coverage;

import io.streamforge.domain.TimeRange;
import java.util.Objects;

/**
 * A hole in the data of one key: a half-open µs time range with a status and a reason. For
 * id-continuous streams (aggTrades) {@code ids} names the missing ids and {@code range} the times
 * of the neighbouring records (inclusive of both, so it overlaps them by design); {@code ids} is
 * {@code null} otherwise. {@code queueId} is the queue that last set the status ({@code ""} none).
 */
public record Gap(
        CoverageKey key,
        TimeRange range,
        GapStatus status,
        String reason,
        IdRange ids,
        String queueId) {
    public Gap {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        queueId = queueId == null ? "" : queueId;
    }

    /** A missing gap without ids. */
    public static Gap missing(CoverageKey key, TimeRange range, String reason, String queueId) {
        return new Gap(key, range, GapStatus.MISSING, reason, null, queueId);
    }

    /** The same gap with another status and reason. */
    public Gap with(GapStatus newStatus, String newReason) {
        return new Gap(key, range, newStatus, newReason, ids, queueId);
    }

    /** A part of this gap (ids are dropped when the range shrinks: they no longer match). */
    public Gap withRange(TimeRange r) {
        return new Gap(key, r, status, reason, r.equals(range) ? ids : null, queueId);
    }

    /** Whether {@code other} says the same thing about the same time (status and reason). */
    public boolean sameStateAs(Gap other) {
        return status == other.status && reason.equals(other.reason);
    }
}
