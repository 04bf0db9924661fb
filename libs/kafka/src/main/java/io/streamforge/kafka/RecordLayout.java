package io.streamforge.kafka;

import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The data topic's field names and their order, defined once for {@link RecordCodec#encode} (which
 * writes the pre-encoded names) and {@link RecordFastDecoder} (which matches them in this order).
 * Every message starts with {@code v}, {@code kind}, {@code key}, {@code symbol}; then the fields
 * of its kind. Types: {@code s} string (decimals too), {@code i} integer, {@code b} boolean.
 */
record RecordLayout(SerializedString[] names, char[] types) {
    static final SerializedString V = new SerializedString("v");
    static final SerializedString KIND = new SerializedString("kind");
    static final SerializedString KEY = new SerializedString("key");
    static final SerializedString SYMBOL = new SerializedString("symbol");

    static final RecordLayout CANDLE =
            of(
                    "interval:s",
                    "open_time_us:i",
                    "close_time_us:i",
                    "open:s",
                    "high:s",
                    "low:s",
                    "close:s",
                    "volume:s",
                    "quote_volume:s",
                    "trade_count:i",
                    "taker_buy_base_volume:s",
                    "taker_buy_quote_volume:s");
    static final RecordLayout AGG_TRADE =
            of(
                    "agg_id:i",
                    "price:s",
                    "qty:s",
                    "first_trade_id:i",
                    "last_trade_id:i",
                    "time_us:i",
                    "buyer_maker:b",
                    "best_match:b",
                    "invalidated:b");
    static final RecordLayout TRADE =
            of(
                    "trade_id:i",
                    "price:s",
                    "qty:s",
                    "quote_qty:s",
                    "time_us:i",
                    "buyer_maker:b",
                    "best_match:b");

    /** {@code name:type} per field. */
    private static RecordLayout of(String... fields) {
        SerializedString[] names = new SerializedString[fields.length];
        char[] types = new char[fields.length];
        for (int i = 0; i < fields.length; i++) {
            int colon = fields[i].indexOf(':');
            names[i] = new SerializedString(fields[i].substring(0, colon));
            types[i] = fields[i].charAt(colon + 1);
        }
        return new RecordLayout(names, types);
    }

    /** The pre-encoded name of field {@code i}. */
    SerializedString name(int i) {
        return names[i];
    }
}
