package io.streamforge.binance.wire;

import java.util.List;
import java.util.Optional;

/** The parts of {@code /api/v3/exchangeInfo} the platform uses. */
public record ExchangeInfo(
        String timezone, Long serverTime, List<RateLimit> rateLimits, List<SymbolInfo> symbols) {

    public ExchangeInfo {
        rateLimits = rateLimits == null ? List.of() : List.copyOf(rateLimits);
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
    }

    /** {@code rateLimitType, interval (SECOND|MINUTE|DAY), intervalNum, limit}. */
    public record RateLimit(
            String rateLimitType, String interval, Integer intervalNum, Long limit) {}

    /** {@code symbol, status (TRADING, BREAK, ...), baseAsset, quoteAsset}. */
    public record SymbolInfo(String symbol, String status, String baseAsset, String quoteAsset) {
        public boolean trading() {
            return "TRADING".equals(status);
        }
    }

    /** The REQUEST_WEIGHT limit per one minute, when the exchange announces one. */
    public Optional<Long> requestWeightPerMinute() {
        return rateLimits.stream()
                .filter(r -> "REQUEST_WEIGHT".equals(r.rateLimitType()))
                .filter(r -> "MINUTE".equals(r.interval()))
                .filter(r -> r.intervalNum() != null && r.intervalNum() == 1)
                .map(RateLimit::limit)
                .findFirst();
    }
}
