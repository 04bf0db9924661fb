package io.streamforge.binance.dump;

/** The spot dump families on data.binance.vision and the path segment of each. */
public enum DumpKind {
    KLINES("klines"),
    AGG_TRADES("aggTrades"),
    TRADES("trades");

    private final String pathSegment;

    DumpKind(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    public String pathSegment() {
        return pathSegment;
    }
}
