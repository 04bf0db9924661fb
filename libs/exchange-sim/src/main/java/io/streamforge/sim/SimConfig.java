package io.streamforge.sim;

import io.streamforge.domain.Symbol;
import io.streamforge.domain.port.TimeSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configuration of the exchange simulator. Immutable; start from {@link #defaults()} and use the
 * withers.
 *
 * @param seed seed of the market model (same seed → same bytes)
 * @param symbols symbols served (the model knows nothing else)
 * @param aggTradesPerDay aggregate trades per symbol per UTC day, at least 1,440 (one per minute)
 * @param genesisDate first UTC day with data; agg ids count from here, nothing exists before it
 * @param weightLimitPerMinute REQUEST_WEIGHT limit per IP per wall-clock minute
 * @param requestsBeforeBan requests a client may still send within a window after its first 429
 *     before it is banned (418)
 * @param banTimeScale factor applied to ban durations (1.0 = Binance's 2 min … 3 days)
 * @param port TCP port on 127.0.0.1, 0 for a free one
 * @param host bind address
 * @param timeSource the simulator's "now"; data after now does not exist
 * @param dayCacheSize symbol-days kept in memory by the model
 * @param streams WebSocket limits and timings ({@link StreamLimits#defaults()}: Binance's)
 * @param microsSwitchDate first UTC day whose dump files carry µs timestamps (Binance: 2025-01-01)
 */
public record SimConfig(
        long seed,
        List<Symbol> symbols,
        int aggTradesPerDay,
        LocalDate genesisDate,
        int weightLimitPerMinute,
        int requestsBeforeBan,
        double banTimeScale,
        int port,
        String host,
        TimeSource timeSource,
        int dayCacheSize,
        StreamLimits streams,
        LocalDate microsSwitchDate) {

    /** The default symbol set. */
    public static final List<Symbol> DEFAULT_SYMBOLS =
            List.of(
                            "BTCUSDT",
                            "ETHUSDT",
                            "BNBUSDT",
                            "SOLUSDT",
                            "XRPUSDT",
                            "ADAUSDT",
                            "DOGEUSDT",
                            "LTCUSDT")
                    .stream()
                    .map(Symbol::of)
                    .toList();

    public SimConfig {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(genesisDate, "genesisDate");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeSource, "timeSource");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(microsSwitchDate, "microsSwitchDate");
        symbols = List.copyOf(symbols.stream().distinct().toList());
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols: at least one symbol is required");
        }
        if (aggTradesPerDay < 1_440 || aggTradesPerDay > 10_000_000) {
            throw new IllegalArgumentException(
                    "aggTradesPerDay must be in [1440, 10000000] (at least one trade per minute), got "
                            + aggTradesPerDay);
        }
        if (weightLimitPerMinute < 1) {
            throw new IllegalArgumentException(
                    "weightLimitPerMinute must be positive, got " + weightLimitPerMinute);
        }
        if (requestsBeforeBan < 0) {
            throw new IllegalArgumentException(
                    "requestsBeforeBan must be >= 0, got " + requestsBeforeBan);
        }
        if (!(banTimeScale > 0) || Double.isInfinite(banTimeScale)) {
            throw new IllegalArgumentException(
                    "banTimeScale must be a positive finite number, got " + banTimeScale);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (dayCacheSize < 1) {
            throw new IllegalArgumentException(
                    "dayCacheSize must be positive, got " + dayCacheSize);
        }
    }

    /**
     * Defaults: seed 42, the eight default symbols, 2,880 aggTrades per day, data from 2017-08-17
     * (BTCUSDT listing on Binance), 6,000 weight per minute, ban after 10 more requests once 429'd,
     * real ban durations, a free port on 127.0.0.1, the system clock, 256 cached symbol-days.
     */
    public static SimConfig defaults() {
        return new SimConfig(
                42L,
                DEFAULT_SYMBOLS,
                2_880,
                LocalDate.of(2017, 8, 17),
                6_000,
                10,
                1.0,
                0,
                "127.0.0.1",
                TimeSource.system(),
                256,
                StreamLimits.defaults(),
                LocalDate.of(2025, 1, 1));
    }

    public SimConfig withSeed(long v) {
        return copy(b -> b.seed = v);
    }

    public SimConfig withSymbols(List<Symbol> v) {
        return copy(b -> b.symbols = v);
    }

    /** Symbols given as text in any case, e.g. {@code "btcusdt", "ETHUSDT"}. */
    public SimConfig withSymbols(String... v) {
        return withSymbols(java.util.Arrays.stream(v).map(Symbol::of).toList());
    }

    public SimConfig withAggTradesPerDay(int v) {
        return copy(b -> b.aggTradesPerDay = v);
    }

    public SimConfig withGenesisDate(LocalDate v) {
        return copy(b -> b.genesisDate = v);
    }

    public SimConfig withWeightLimitPerMinute(int v) {
        return copy(b -> b.weightLimitPerMinute = v);
    }

    public SimConfig withRequestsBeforeBan(int v) {
        return copy(b -> b.requestsBeforeBan = v);
    }

    public SimConfig withBanTimeScale(double v) {
        return copy(b -> b.banTimeScale = v);
    }

    public SimConfig withPort(int v) {
        return copy(b -> b.port = v);
    }

    public SimConfig withHost(String v) {
        return copy(b -> b.host = v);
    }

    public SimConfig withTimeSource(TimeSource v) {
        return copy(b -> b.timeSource = v);
    }

    public SimConfig withDayCacheSize(int v) {
        return copy(b -> b.dayCacheSize = v);
    }

    public SimConfig withStreams(StreamLimits v) {
        return copy(b -> b.streams = v);
    }

    /** First UTC day whose dump files carry µs timestamps (ms before). */
    public SimConfig withMicrosSwitchDate(LocalDate v) {
        return copy(b -> b.microsSwitchDate = v);
    }

    /** A mutable copy of every component, for the withers. */
    private static final class Copy {
        long seed;
        List<Symbol> symbols;
        int aggTradesPerDay;
        LocalDate genesisDate;
        int weightLimitPerMinute;
        int requestsBeforeBan;
        double banTimeScale;
        int port;
        String host;
        TimeSource timeSource;
        int dayCacheSize;
        StreamLimits streams;
        LocalDate microsSwitchDate;

        Copy(SimConfig c) {
            seed = c.seed;
            symbols = c.symbols;
            aggTradesPerDay = c.aggTradesPerDay;
            genesisDate = c.genesisDate;
            weightLimitPerMinute = c.weightLimitPerMinute;
            requestsBeforeBan = c.requestsBeforeBan;
            banTimeScale = c.banTimeScale;
            port = c.port;
            host = c.host;
            timeSource = c.timeSource;
            dayCacheSize = c.dayCacheSize;
            streams = c.streams;
            microsSwitchDate = c.microsSwitchDate;
        }

        SimConfig build() {
            return new SimConfig(
                    seed,
                    symbols,
                    aggTradesPerDay,
                    genesisDate,
                    weightLimitPerMinute,
                    requestsBeforeBan,
                    banTimeScale,
                    port,
                    host,
                    timeSource,
                    dayCacheSize,
                    streams,
                    microsSwitchDate);
        }
    }

    private SimConfig copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }
}
