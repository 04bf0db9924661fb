package io.streamforge.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/** The {@code /api/v3/exchangeInfo} document, shaped like the real one (spot, 2021+ layout). */
final class ExchangeInfoJson {
    private static final List<String> ORDER_TYPES =
            List.of("LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT");

    private ExchangeInfoJson() {}

    static String write(Collection<SymbolSpec> specs, long serverTime, int weightLimitPerMinute) {
        return JsonOut.write(
                g -> {
                    g.writeStartObject();
                    g.writeStringField("timezone", "UTC");
                    g.writeNumberField("serverTime", serverTime);
                    g.writeArrayFieldStart("rateLimits");
                    rateLimit(g, "REQUEST_WEIGHT", "MINUTE", 1, weightLimitPerMinute);
                    rateLimit(g, "ORDERS", "SECOND", 10, 100);
                    rateLimit(g, "ORDERS", "DAY", 1, 200_000);
                    rateLimit(g, "RAW_REQUESTS", "MINUTE", 5, 61_000);
                    g.writeEndArray();
                    g.writeArrayFieldStart("exchangeFilters");
                    g.writeEndArray();
                    g.writeArrayFieldStart("symbols");
                    for (SymbolSpec s : specs) {
                        symbol(g, s);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
    }

    private static void rateLimit(JsonGenerator g, String type, String interval, int num, int limit)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("rateLimitType", type);
        g.writeStringField("interval", interval);
        g.writeNumberField("intervalNum", num);
        g.writeNumberField("limit", limit);
        g.writeEndObject();
    }

    private static void symbol(JsonGenerator g, SymbolSpec s) throws IOException {
        g.writeStartObject();
        g.writeStringField("symbol", s.symbol().value());
        g.writeStringField("status", "TRADING");
        g.writeStringField("baseAsset", s.baseAsset());
        g.writeNumberField("baseAssetPrecision", 8);
        g.writeStringField("quoteAsset", s.quoteAsset());
        g.writeNumberField("quotePrecision", 8);
        g.writeNumberField("quoteAssetPrecision", 8);
        g.writeNumberField("baseCommissionPrecision", 8);
        g.writeNumberField("quoteCommissionPrecision", 8);
        g.writeArrayFieldStart("orderTypes");
        for (String t : ORDER_TYPES) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeBooleanField("icebergAllowed", true);
        g.writeBooleanField("ocoAllowed", true);
        g.writeBooleanField("quoteOrderQtyMarketAllowed", true);
        g.writeBooleanField("isSpotTradingAllowed", true);
        g.writeBooleanField("isMarginTradingAllowed", false);
        g.writeArrayFieldStart("filters");
        g.writeStartObject();
        g.writeStringField("filterType", "PRICE_FILTER");
        g.writeStringField("minPrice", JsonOut.decimal(s.tickSize()));
        g.writeStringField("maxPrice", JsonOut.decimal(new BigDecimal("1000000")));
        g.writeStringField("tickSize", JsonOut.decimal(s.tickSize()));
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("filterType", "LOT_SIZE");
        g.writeStringField("minQty", JsonOut.decimal(s.stepSize()));
        g.writeStringField("maxQty", JsonOut.decimal(new BigDecimal("9000000")));
        g.writeStringField("stepSize", JsonOut.decimal(s.stepSize()));
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("permissions");
        g.writeString("SPOT");
        g.writeEndArray();
        g.writeEndObject();
    }
}
