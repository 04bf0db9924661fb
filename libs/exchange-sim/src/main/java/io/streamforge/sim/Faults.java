package io.streamforge.sim;

import io.streamforge.domain.TimeRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults switchable at run time (also through {@code POST /sim/faults}): a seeded rate of 5xx
 * replies, added latency, the REQUEST_WEIGHT limit; WebSocket drops, {@code serverShutdown}, forced
 * rotation, depth sequence gaps; maintenance windows and invalidated aggTrades (model-level, the
 * same in REST, streams and dumps); the µs switch date, missing dump files and corrupt checksums.
 * Thread-safe; changes apply to the next request / tick.
 */
public final class Faults {
    private final long seed;
    private final AtomicLong draws = new AtomicLong();
    private volatile double errorRate;
    private volatile int errorStatus = 503;
    private volatile long latencyMs;
    private volatile int weightLimitPerMinute;
    private final AtomicLong depthGaps = new AtomicLong();
    private volatile long wsDropEveryMs;
    private volatile LocalDate microsSwitchDate;
    private volatile Set<String> missingDumpFiles = Set.of();
    private volatile Set<String> corruptDumpChecksums = Set.of();
    private volatile MarketModel model;
    private volatile StreamHub hub;

    Faults(long seed, int weightLimitPerMinute) {
        this(seed, weightLimitPerMinute, LocalDate.of(2025, 1, 1));
    }

    Faults(long seed, int weightLimitPerMinute, LocalDate microsSwitchDate) {
        this.seed = seed;
        this.weightLimitPerMinute = weightLimitPerMinute;
        this.microsSwitchDate = microsSwitchDate;
    }

    void attach(MarketModel model, StreamHub hub) {
        this.model = model;
        this.hub = hub;
    }

    /** Closes every WebSocket connection abruptly (no close frame), as a network drop. */
    public Faults dropWebSocketsNow() {
        requireHub().dropAll();
        return this;
    }

    /** Drops every WebSocket connection every {@code ms} wall milliseconds (0 = never). */
    public Faults dropWebSocketsEveryMs(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("wsDropEveryMs must be >= 0, got " + ms);
        }
        this.wsDropEveryMs = ms;
        return this;
    }

    /** Sends {@code {"e":"serverShutdown","E":…}} to every connection, then closes them at once. */
    public Faults serverShutdown() {
        return serverShutdown(0);
    }

    /**
     * Planned maintenance as Binance announces it: sends {@code {"e":"serverShutdown","E":…}} to
     * every open connection now and closes those connections (1001) after {@code graceMs} wall
     * milliseconds, so a client can open its replacement first (0 = close at once).
     */
    public Faults serverShutdown(long graceMs) {
        if (graceMs < 0 || graceMs > 600_000) {
            throw new IllegalArgumentException(
                    "serverShutdown grace_ms must be in [0, 600000], got " + graceMs);
        }
        requireHub().serverShutdown(graceMs);
        return this;
    }

    /** Closes every connection as at the end of its lifetime (close code 1000), now. */
    public Faults rotateWebSocketsNow() {
        requireHub().rotateAll();
        return this;
    }

    /** The next event of every open diff-depth stream is skipped: a gap in the update ids. */
    public Faults depthSequenceGap() {
        depthGaps.incrementAndGet();
        return this;
    }

    /** Maintenance windows: no trades, klines, stream events or dump rows inside them. */
    public Faults maintenance(List<TimeRange> windows) {
        requireModel().setMaintenance(windows);
        return this;
    }

    /** Fraction in [0, 1] of aggTrades served invalidated (p=0, q=0, f=-1, l=-1), seeded. */
    public Faults invalidAggTrades(double fraction) {
        requireModel().setInvalidFraction(fraction);
        return this;
    }

    /** First UTC day whose dump files carry µs timestamps. */
    public Faults microsSwitchDate(LocalDate date) {
        this.microsSwitchDate = java.util.Objects.requireNonNull(date, "microsSwitchDate");
        return this;
    }

    /** Dump files (names like {@code BTCUSDT-1m-2024-01-15.zip}) answered with 404. */
    public Faults missingDumpFiles(Set<String> fileNames) {
        this.missingDumpFiles = Set.copyOf(fileNames);
        return this;
    }

    /** Dump files whose {@code .CHECKSUM} carries a wrong sha256. */
    public Faults corruptDumpChecksums(Set<String> fileNames) {
        this.corruptDumpChecksums = Set.copyOf(fileNames);
        return this;
    }

    public long wsDropEveryMs() {
        return wsDropEveryMs;
    }

    public LocalDate microsSwitchDate() {
        return microsSwitchDate;
    }

    public Set<String> missingDumpFiles() {
        return missingDumpFiles;
    }

    public Set<String> corruptDumpChecksums() {
        return corruptDumpChecksums;
    }

    long depthGaps() {
        return depthGaps.get();
    }

    private StreamHub requireHub() {
        if (hub == null) {
            throw new IllegalStateException("no stream hub attached (simulator not started)");
        }
        return hub;
    }

    private MarketModel requireModel() {
        if (model == null) {
            throw new IllegalStateException("no market model attached (simulator not started)");
        }
        return model;
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

    /**
     * Switches the request faults off (error rate, latency, periodic drops, missing files, corrupt
     * checksums); the weight limit, µs switch date, maintenance and invalidation are kept.
     */
    public Faults clear() {
        errorRate = 0;
        latencyMs = 0;
        errorStatus = 503;
        wsDropEveryMs = 0;
        missingDumpFiles = Set.of();
        corruptDumpChecksums = Set.of();
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
                    g.writeNumberField("wsDropEveryMs", wsDropEveryMs);
                    g.writeStringField("microsSwitchDate", microsSwitchDate.toString());
                    MarketModel m = model;
                    if (m != null) {
                        g.writeNumberField("invalidAggTradeFraction", m.invalidAggTradeFraction());
                        g.writeArrayFieldStart("maintenance");
                        for (TimeRange w : m.maintenanceWindows()) {
                            g.writeStartObject();
                            g.writeNumberField("start", w.startUs() / 1_000L);
                            g.writeNumberField("end", w.endUs() / 1_000L);
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    }
                    g.writeArrayFieldStart("missingDumpFiles");
                    for (String f : missingDumpFiles) {
                        g.writeString(f);
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("corruptDumpChecksums");
                    for (String f : corruptDumpChecksums) {
                        g.writeString(f);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
    }

    @Override
    public String toString() {
        return "Faults" + toJson();
    }
}
