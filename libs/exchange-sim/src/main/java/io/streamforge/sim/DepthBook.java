package io.streamforge.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A synthetic order-book snapshot around the model's mid price: best bid = mid rounded down to a
 * tick, best ask one tick above, further levels 1–3 ticks apart with seeded log-normal sizes. The
 * book changes every 100 ms; {@code lastUpdateId} counts those steps, so it grows with time.
 */
final class DepthBook {
    static final long STEP_US = 100_000L;

    private DepthBook() {}

    /** REQUEST_WEIGHT of {@code /api/v3/depth} by limit (1–100: 5 … 1001–5000: 250). */
    static int weight(int limit) {
        if (limit <= 100) {
            return 5;
        }
        if (limit <= 500) {
            return 25;
        }
        return limit <= 1_000 ? 50 : 250;
    }

    static long lastUpdateId(long nowUs) {
        return Math.floorDiv(nowUs, STEP_US);
    }

    static String json(SymbolSpec spec, long seed, double mid, long nowUs, int limit) {
        long step = lastUpdateId(nowUs);
        long sym = Noise.id(spec.symbol().value());
        long bestBid = Math.max(1L, (long) Math.floor(mid * StrictMath.pow(10, spec.tickScale())));
        double stepFactor = StrictMath.pow(10, spec.stepScale());
        return JsonOut.write(
                g -> {
                    g.writeStartObject();
                    g.writeNumberField("lastUpdateId", step);
                    g.writeArrayFieldStart("bids");
                    side(
                            g,
                            spec,
                            Noise.hash(seed, sym, step, 1),
                            bestBid,
                            -1,
                            limit,
                            mid,
                            stepFactor);
                    g.writeEndArray();
                    g.writeArrayFieldStart("asks");
                    side(
                            g,
                            spec,
                            Noise.hash(seed, sym, step, 2),
                            bestBid + 1,
                            1,
                            limit,
                            mid,
                            stepFactor);
                    g.writeEndArray();
                    g.writeEndObject();
                });
    }

    private static void side(
            JsonGenerator g,
            SymbolSpec spec,
            long h,
            long best,
            int direction,
            int limit,
            double mid,
            double stepFactor)
            throws IOException {
        long price = best;
        for (int j = 0; j < limit && price >= 1; j++) {
            long lh = Noise.hash(h, j, 3);
            double notional = spec.medianNotional() * StrictMath.exp(1.3 * Noise.gaussian(lh));
            long qty = Math.max(1L, (long) (notional / mid * stepFactor));
            g.writeStartArray();
            g.writeString(JsonOut.decimal(BigDecimal.valueOf(price, spec.tickScale())));
            g.writeString(JsonOut.decimal(BigDecimal.valueOf(qty, spec.stepScale())));
            g.writeEndArray();
            price += direction * (1 + (Noise.mix(lh) & 3) % 3);
        }
    }
}
