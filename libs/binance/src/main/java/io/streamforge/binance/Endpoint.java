package io.streamforge.binance;

/** The spot market-data endpoints used, with their request weights (Binance, 2026). */
public enum Endpoint {
    PING("/api/v3/ping", 1),
    TIME("/api/v3/time", 1),
    EXCHANGE_INFO("/api/v3/exchangeInfo", 20),
    KLINES("/api/v3/klines", 2),
    UI_KLINES("/api/v3/uiKlines", 2),
    AGG_TRADES("/api/v3/aggTrades", 4),
    TRADES("/api/v3/trades", 25),
    HISTORICAL_TRADES("/api/v3/historicalTrades", 25),
    DEPTH("/api/v3/depth", 5);

    private final String path;
    private final int weight;

    Endpoint(String path, int weight) {
        this.path = path;
        this.weight = weight;
    }

    public String path() {
        return path;
    }

    /** Fixed weight; for {@link #DEPTH} use {@link #depthWeight(int)}. */
    public int weight() {
        return weight;
    }

    /**
     * Weight of {@code /api/v3/depth} by limit: 5 / 25 / 50 / 250 for ≤100 / ≤500 / ≤1000 / ≤5000.
     */
    public static int depthWeight(int limit) {
        if (limit < 1 || limit > 5000) {
            throw new IllegalArgumentException("depth limit: must be 1..5000, got " + limit);
        }
        if (limit <= 100) return 5;
        if (limit <= 500) return 25;
        if (limit <= 1000) return 50;
        return 250;
    }
}
