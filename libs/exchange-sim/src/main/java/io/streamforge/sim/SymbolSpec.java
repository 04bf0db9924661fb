package io.streamforge.sim;

import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Static description of one simulated symbol. Tick and step sizes are powers of ten ({@code
 * 10^-tickScale}, {@code 10^-stepScale}) so that prices and quantities are exact integers of ticks
 * and steps; {@code tickScale + stepScale <= 8} keeps quote volumes exact at Binance's 8 decimals.
 *
 * @param beta sensitivity to the shared market factor
 * @param idiosyncratic weight of the symbol's own path
 * @param medianNotional median quote value of one aggTrade
 */
record SymbolSpec(
        Symbol symbol,
        String baseAsset,
        String quoteAsset,
        double basePrice,
        int tickScale,
        int stepScale,
        double beta,
        double idiosyncratic,
        double medianNotional) {

    private static final List<String> QUOTES =
            List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR", "TRY");

    /** Realistic magnitudes for well-known symbols: price, tick scale, step scale. */
    private static final Map<String, double[]> KNOWN =
            Map.of(
                    "BTCUSDT", new double[] {30_000, 2, 5},
                    "ETHUSDT", new double[] {2_000, 2, 4},
                    "BNBUSDT", new double[] {300, 2, 3},
                    "SOLUSDT", new double[] {100, 2, 3},
                    "XRPUSDT", new double[] {0.5, 4, 1},
                    "ADAUSDT", new double[] {0.4, 4, 1},
                    "DOGEUSDT", new double[] {0.08, 5, 0},
                    "LTCUSDT", new double[] {80, 2, 3});

    /** Derives a spec for {@code symbol}; unknown symbols get seeded magnitudes. */
    static SymbolSpec of(Symbol symbol, long seed) {
        String s = symbol.value();
        long h = Noise.hash(seed, Noise.id(s), 7);
        double beta = 0.8 + 0.5 * Noise.unit(Noise.mix(h + 1));
        double idio = 0.5 + 0.3 * Noise.unit(Noise.mix(h + 2));
        double[] known = KNOWN.get(s);
        double price;
        int tick;
        int step;
        if (known != null) {
            price = known[0];
            tick = (int) known[1];
            step = (int) known[2];
        } else {
            price = StrictMath.pow(10, -2 + 5 * Noise.unit(h));
            int magnitude = (int) Math.floor(StrictMath.log10(price));
            tick = Math.max(0, Math.min(8, 4 - magnitude));
            step = Math.max(0, Math.min(8 - tick, magnitude + 1));
        }
        String quote =
                QUOTES.stream()
                        .filter(q -> s.endsWith(q) && s.length() > q.length())
                        .findFirst()
                        .orElse(s.substring(s.length() - Math.min(4, s.length() - 1)));
        String base = s.substring(0, s.length() - quote.length());
        return new SymbolSpec(symbol, base, quote, price, tick, step, beta, idio, 400.0);
    }

    BigDecimal tickSize() {
        return BigDecimal.ONE.movePointLeft(tickScale);
    }

    BigDecimal stepSize() {
        return BigDecimal.ONE.movePointLeft(stepScale);
    }
}
