package io.streamforge.runtime;

import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.util.List;
import java.util.Locale;

/**
 * The settings every loader shares (read by {@link #read}); {@code dumpDir} is null unless DUMP_DIR
 * is set; {@code loadRanges} is {@link LoadRanges#ALL} unless LOAD_RANGES is set (a resumed run).
 */
public record LoaderSettings(
        TimeRange range,
        String topic,
        int partitions,
        int concurrency,
        LoaderSettings.SourceMode source,
        String dumpBaseUrl,
        String dumpDir,
        LoaderSettings.BinanceEnv binance,
        LoadRanges loadRanges) {
    /** Where a loader takes its data from (SOURCE). */
    public enum SourceMode {
        /** REST API only. */
        REST,
        /** data.binance.vision files only; unavailable files are recorded as missing gaps. */
        DUMP,
        /** dump files for whole days/months, REST for the tail, missing files and holes. */
        AUTO;

        static SourceMode parse(String v) {
            try {
                return valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected rest, dump or auto, got '" + v + "'");
            }
        }
    }

    /** BINANCE_* values (mapped onto the client config by the loaders). */
    public record BinanceEnv(
            String baseUrl, int weightLimit, int maxRetries, boolean microseconds) {}

    /** Default weight limit per minute (Binance spot REQUEST_WEIGHT). */
    public static final int DEFAULT_WEIGHT_LIMIT = 6000;

    /**
     * Reads TIME_RANGE (required), KAFKA_TOPIC (queue id), TOPIC_PARTITIONS (3), LOADER_CONCURRENCY
     * (2), SOURCE (rest|dump|auto, default rest), DUMP_BASE_URL (https://data.binance.vision),
     * DUMP_DIR (local mirror, wins over the URL), BINANCE_BASE_URL (https://api.binance.com),
     * BINANCE_WEIGHT_LIMIT (6000), BINANCE_MAX_RETRIES (5), BINANCE_TIME_UNIT (MICROSECOND),
     * LOAD_RANGES (set by the queue-manager on a resumed run: the parts of TIME_RANGE per symbol
     * still to load, each inside TIME_RANGE, symbols among SYMBOLS).
     */
    public static LoaderSettings read(ConfigReader r, WorkerConfig common) {
        TimeRange range = r.requiredParsed("TIME_RANGE", TimeRange::parseDays);
        SourceMode source = r.parsed("SOURCE", SourceMode::parse, SourceMode.REST);
        String dumpBase = r.optional("DUMP_BASE_URL", "https://data.binance.vision");
        String base = r.optional("BINANCE_BASE_URL", "https://api.binance.com");
        for (String[] u :
                new String[][] {{"DUMP_BASE_URL", dumpBase}, {"BINANCE_BASE_URL", base}}) {
            if (!u[1].matches("https?://[^/\\s]+(/\\S*)?")) {
                r.problem(
                        "invalid " + u[0] + ": expected http(s)://host[:port], got '" + u[1] + "'");
            }
        }
        BinanceEnv binance =
                new BinanceEnv(
                        base,
                        r.intValue("BINANCE_WEIGHT_LIMIT", DEFAULT_WEIGHT_LIMIT, 1, 1_000_000),
                        r.intValue("BINANCE_MAX_RETRIES", 5, 0, 100),
                        r.parsed("BINANCE_TIME_UNIT", LoaderSettings::microseconds, true));
        LoadRanges load = r.parsed("LOAD_RANGES", LoadRanges::parse, LoadRanges.ALL);
        checkLoadRanges(r, load, range, common);
        return new LoaderSettings(
                range,
                r.optional("KAFKA_TOPIC", common.queueId()),
                r.intValue("TOPIC_PARTITIONS", 3, 1, 1000),
                r.intValue("LOADER_CONCURRENCY", 2, 1, 64),
                source,
                dumpBase,
                r.optional("DUMP_DIR", null),
                binance,
                load);
    }

    /** The ranges {@code symbol} loads: its LOAD_RANGES, or the whole TIME_RANGE. */
    public List<TimeRange> rangesOf(Symbol symbol) {
        return loadRanges.of(symbol, range);
    }

    private static void checkLoadRanges(
            ConfigReader r, LoadRanges load, TimeRange range, WorkerConfig common) {
        if (range == null) {
            return; // TIME_RANGE's own problem is reported
        }
        load.bySymbol()
                .forEach(
                        (symbol, ranges) -> {
                            if (common.symbols() == null || !common.symbols().contains(symbol)) {
                                r.problem("invalid LOAD_RANGES: " + symbol + " is not in SYMBOLS");
                            }
                            for (TimeRange t : ranges) {
                                if (t.startUs() < range.startUs() || t.endUs() > range.endUs()) {
                                    r.problem(
                                            "invalid LOAD_RANGES: "
                                                    + symbol
                                                    + " "
                                                    + t.startUs()
                                                    + "-"
                                                    + t.endUs()
                                                    + " is outside TIME_RANGE");
                                }
                            }
                        });
    }

    /** BINANCE_TIME_UNIT: MICROSECOND (default; exact trade times) or MILLISECOND. */
    static boolean microseconds(String u) {
        if (u.equals("MICROSECOND") || u.equals("MILLISECOND")) {
            return u.equals("MICROSECOND");
        }
        throw new IllegalArgumentException("expected MICROSECOND or MILLISECOND, got " + u);
    }
}
