package io.streamforge.binance;

import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/v3/depth} answer: the book as of {@code lastUpdateId}. Bids best (highest) first,
 * asks best (lowest) first, as Binance sends them.
 */
public record DepthSnapshot(
        Symbol symbol, long lastUpdateId, List<PriceLevel> bids, List<PriceLevel> asks) {
    public DepthSnapshot {
        Objects.requireNonNull(symbol, "symbol");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        if (lastUpdateId < 0) {
            throw new IllegalArgumentException("lastUpdateId negative: " + lastUpdateId);
        }
    }
}
