package io.streamforge.binance;

import io.streamforge.domain.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order-book level: exact price and quantity (normalised decimals). A quantity of zero in a
 * depth update means "remove this level".
 */
public record PriceLevel(BigDecimal price, BigDecimal qty) {
    public PriceLevel {
        price = Decimals.normalize(Objects.requireNonNull(price, "price"));
        qty = Decimals.normalize(Objects.requireNonNull(qty, "qty"));
        if (price.signum() < 0 || qty.signum() < 0) {
            throw new IllegalArgumentException(
                    "price level: negative price or qty " + price + " " + qty);
        }
    }

    /** Parses {@code ["price", "qty"]} strings; errors name the field. */
    public static PriceLevel parse(String price, String qty) {
        return new PriceLevel(Decimals.parse("price", price), Decimals.parse("qty", qty));
    }

    public boolean removes() {
        return qty.signum() == 0;
    }
}
