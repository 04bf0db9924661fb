package io.streamforge.domain.coverage;

/** An inclusive range of exchange ids {@code [firstId, lastId]}, e.g. missing aggTrade ids. */
public record IdRange(long firstId, long lastId) {
    public IdRange {
        if (firstId < 0 || lastId < firstId) {
            throw new IllegalArgumentException(
                    "id range: expected 0 <= firstId <= lastId, got " + firstId + ".." + lastId);
        }
    }

    public long count() {
        return lastId - firstId + 1;
    }

    @Override
    public String toString() {
        return firstId == lastId ? "id " + firstId : "ids " + firstId + ".." + lastId;
    }
}
