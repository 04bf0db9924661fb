package io.streamforge.domain;

/** Market segment; the first two parts of every record key ({@code BINANCE:SPOT}). */
public enum Market {
    SPOT("BINANCE:SPOT");

    private final String keyPrefix;

    Market(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public String keyPrefix() {
        return keyPrefix;
    }
}
