package io.streamforge.binance;

import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.Objects;

/**
 * A {@code depthUpdate} WebSocket event ({@code <symbol>@depth} / {@code @depth@100ms}): the levels
 * that changed between update ids {@code firstUpdateId} (U) and {@code finalUpdateId} (u), with
 * absolute quantities (0 = level removed).
 */
public record DepthUpdate(
        Symbol symbol,
        long eventTimeUs,
        long firstUpdateId,
        long finalUpdateId,
        List<PriceLevel> bids,
        List<PriceLevel> asks) {
    public DepthUpdate {
        Objects.requireNonNull(symbol, "symbol");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        if (finalUpdateId < firstUpdateId) {
            throw new IllegalArgumentException(
                    "depthUpdate " + symbol + ": u " + finalUpdateId + " < U " + firstUpdateId);
        }
    }
}
