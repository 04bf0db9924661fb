package io.streamforge.binance.wire;

/** {@code /api/v3/trades} and {@code historicalTrades} element. */
public record TradeDto(
        Long id,
        String price,
        String qty,
        String quoteQty,
        Long time,
        Boolean isBuyerMaker,
        Boolean isBestMatch) {}
