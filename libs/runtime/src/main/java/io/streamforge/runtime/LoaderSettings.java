package io.streamforge.runtime;

import io.streamforge.domain.TimeRange;
import java.util.Locale;

/**
 * The settings every loader shares (read by {@link #read}); {@code dumpDir} is null unless DUMP_DIR
 * is set.
 */
public record LoaderSettings(
        TimeRange range,
        String topic,
        int partitions,
        int concurrency,
        LoaderSettings.SourceMode source,
        String dumpBaseUrl,
        String dumpDir,
        LoaderSettings.BinanceEnv binance) {
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
     * BINANCE_WEIGHT_LIMIT (6000), BINANCE_MAX_RETRIES (5), BINANCE_TIME_UNIT (MICROSECOND).
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
        return new LoaderSettings(
                range,
                r.optional("KAFKA_TOPIC", common.queueId()),
                r.intValue("TOPIC_PARTITIONS", 3, 1, 1000),
                r.intValue("LOADER_CONCURRENCY", 2, 1, 64),
                source,
                dumpBase,
                r.optional("DUMP_DIR", null),
                binance);
    }

    /** BINANCE_TIME_UNIT: MICROSECOND (default; exact trade times) or MILLISECOND. */
    static boolean microseconds(String u) {
        if (u.equals("MICROSECOND") || u.equals("MILLISECOND")) {
            return u.equals("MICROSECOND");
        }
        throw new IllegalArgumentException("expected MICROSECOND or MILLISECOND, got " + u);
    }
}
