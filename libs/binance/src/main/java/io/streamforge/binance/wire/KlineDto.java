package io.streamforge.binance.wire;

/**
 * One kline array as Binance sends it: {@code [openTime, "open", "high", "low", "close", "volume",
 * closeTime, "quoteVolume", trades, "takerBuyBase", "takerBuyQuote", "ignore"]}. Times are raw (ms
 * or µs); decimals are kept as the exact strings.
 */
public record KlineDto(
        long openTime,
        String open,
        String high,
        String low,
        String close,
        String volume,
        long closeTime,
        String quoteVolume,
        long tradeCount,
        String takerBuyBaseVolume,
        String takerBuyQuoteVolume) {}
