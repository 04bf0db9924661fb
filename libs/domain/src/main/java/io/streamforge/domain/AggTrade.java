package io.streamforge.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A Binance aggregate trade. Audited duplicates were invalidated in place by Binance ({@code p="0",
 * q="0", f=-1, l=-1}); such records are kept and flagged by {@link #invalidated()}, never dropped.
 */
public record AggTrade(
        Symbol symbol,
        long aggId,
        BigDecimal price,
        BigDecimal qty,
        long firstTradeId,
        long lastTradeId,
        long timeUs,
        boolean buyerMaker,
        boolean bestMatch)
        implements MarketRecord {

    public AggTrade {
        Objects.requireNonNull(symbol, "symbol");
        price = Decimals.normalize(price);
        qty = Decimals.normalize(qty);
        if (aggId < 0) {
            throw new IllegalArgumentException("agg_id negative");
        }
    }

    /** True for a record Binance invalidated ({@code p=0, q=0, f=-1, l=-1}). */
    public boolean invalidated() {
        return price.signum() == 0 && qty.signum() == 0 && firstTradeId == -1 && lastTradeId == -1;
    }

    @Override
    public String key() {
        return RecordKeys.aggTrade(Market.SPOT, symbol, aggId);
    }

    @Override
    public String kind() {
        return "agg_trade";
    }
}
