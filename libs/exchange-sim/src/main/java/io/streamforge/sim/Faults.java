package io.streamforge.sim;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults switchable at run time (also through {@code POST /sim/faults}): a seeded rate of 5xx
 * replies, added latency, and the REQUEST_WEIGHT limit. Thread-safe; changes apply to the next
 * request.
 */
public final class Faults {
    private final long seed;
    private final AtomicLong draws = new AtomicLong();
    private volatile double errorRate;
    private volatile int errorStatus = 503;
    private volatile long latencyMs;
    private volatile int weightLimitPerMinute;

    Faults(long seed, int weightLimitPerMinute) {
        this.seed = seed;
        this.weightLimitPerMinute = weightLimitPerMinute;
    }

    /**
     * Fraction in [0, 1] of API requests answered with {@link #errorStatus()} (seeded sequence).
     */
    public Faults errorRate(double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("errorRate must be in [0, 1], got " + rate);
        }
        this.errorRate = rate;
        return this;
    }

    /** HTTP status of injected errors, 500..599 (default 503). */
    public Faults errorStatus(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("errorStatus must be in [500, 599], got " + status);
        }
        this.errorStatus = status;
        return this;
    }

    /** Latency added before every API reply, in ms (0 = none). */
    public Faults latencyMs(long ms) {
        if (ms < 0 || ms > 600_000) {
            throw new IllegalArgumentException("latencyMs must be in [0, 600000], got " + ms);
        }
        this.latencyMs = ms;
        return this;
    }

    /** REQUEST_WEIGHT limit per IP per minute (also reported by exchangeInfo). */
    public Faults weightLimitPerMinute(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(
                    "weightLimitPerMinute must be positive, got " + limit);
        }
        this.weightLimitPerMinute = limit;
        return this;
    }

    /** Switches all faults off (the weight limit is kept). */
    public Faults clear() {
        errorRate = 0;
        latencyMs = 0;
        errorStatus = 503;
        return this;
    }

    public double errorRate() {
        return errorRate;
    }

    public int errorStatus() {
        return errorStatus;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public int weightLimitPerMinute() {
        return weightLimitPerMinute;
    }

    /** Draws the next value of the seeded sequence: true when this request must fail. */
    boolean nextRequestFails() {
        double rate = errorRate;
        if (rate <= 0) {
            return false;
        }
        return Noise.unit(Noise.hash(seed, 0x5858L, draws.incrementAndGet())) < rate;
    }

    String toJson() {
        return JsonOut.write(
                g -> {
                    g.writeStartObject();
                    g.writeNumberField("errorRate", errorRate);
                    g.writeNumberField("errorStatus", errorStatus);
                    g.writeNumberField("latencyMs", latencyMs);
                    g.writeNumberField("weightLimitPerMinute", weightLimitPerMinute);
                    g.writeEndObject();
                });
    }

    @Override
    public String toString() {
        return "Faults" + toJson();
    }
}
