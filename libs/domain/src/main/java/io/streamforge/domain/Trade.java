package io.streamforge.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A single Binance trade ({@code trades} / {@code historicalTrades} / {@code @trade}). */
public record Trade(
        Symbol symbol,
        long tradeId,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal quoteQty,
        long timeUs,
        boolean buyerMaker,
        boolean bestMatch)
        implements MarketRecord {

    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        price = Decimals.normalize(price);
        qty = Decimals.normalize(qty);
        quoteQty = Decimals.normalize(quoteQty);
    }

    @Override
    public String key() {
        return RecordKeys.trade(Market.SPOT, symbol, tradeId);
    }

    @Override
    public String kind() {
        return "trade";
    }
}
