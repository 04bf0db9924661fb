package io.streamforge.loader.ws;

import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.ws.WsFeedConfig;
import io.streamforge.binance.ws.WsStream;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.WorkerConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The environment configuration of {@code loader-ws} (see the module README for every variable).
 *
 * @param streamTypes stream types per symbol: {@code aggTrade}, {@code trade}, {@code
 *     kline_<interval>}, {@code depth}
 * @param runForMs stop by itself after this many wall-clock ms (0 = run until a stop command)
 * @param endTimeUs stop by itself once the worker's clock reaches this (0 = none)
 * @param gapSilenceUs event-time silence between two consecutive ids reported as a gap
 */
public record WsLoaderSettings(
        List<String> streamTypes,
        String topic,
        int partitions,
        String depthTopic,
        int depthSnapshotLimit,
        WsFeedConfig feed,
        BinanceClientConfig rest,
        long runForMs,
        long endTimeUs,
        long gapSilenceUs) {

    static final String TYPES = "aggTrade, trade, kline_<interval>, depth";

    public WsLoaderSettings {
        streamTypes = List.copyOf(streamTypes);
    }

    /** Whether the run ends by itself (RUN_FOR_MS or END_TIME). */
    public boolean bounded() {
        return runForMs > 0 || endTimeUs > 0;
    }

    public boolean hasDepth() {
        return streamTypes.contains("depth");
    }

    /** Every stream of every symbol, symbol-major. */
    public List<WsStream> streams(List<Symbol> symbols) {
        List<WsStream> out = new ArrayList<>();
        for (Symbol s : symbols) {
            for (String t : streamTypes) {
                out.add(stream(s, t));
            }
        }
        return out;
    }

    static WsStream stream(Symbol s, String type) {
        if (type.equals("aggTrade")) return WsStream.aggTrade(s);
        if (type.equals("trade")) return WsStream.trade(s);
        if (type.equals("depth")) return WsStream.depth(s);
        if (type.startsWith("kline_")) return WsStream.kline(s, Interval.of(type.substring(6)));
        throw new IllegalArgumentException(
                "unknown stream type '" + type + "' (expected " + TYPES + ")");
    }

    /** Parses STREAMS: a comma list of stream types, each checked. */
    static List<String> parseTypes(String csv) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : csv.split(",")) {
            String t = raw.trim();
            if (t.isEmpty()) continue;
            stream(Symbol.of("BTCUSDT"), t);
            out.add(t);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no stream type (expected " + TYPES + ")");
        }
        return List.copyOf(out);
    }

    /** END_TIME: an ISO-8601 instant or epoch µs. */
    static long parseEndTime(String v) {
        if (v.chars().allMatch(Character::isDigit)) {
            return Micros.fromMsOrUs(Long.parseLong(v));
        }
        return Micros.of(Instant.parse(v));
    }

    /** Reads every loader-ws variable; problems go to the reader. */
    public static WsLoaderSettings read(ConfigReader r, WorkerConfig common) {
        List<String> types = r.parsed("STREAMS", WsLoaderSettings::parseTypes, List.of("aggTrade"));
        String topic = r.optional("KAFKA_TOPIC", common.queueId());
        int partitions = r.intValue("TOPIC_PARTITIONS", 3, 1, 1000);
        String depthTopic = r.optional("DEPTH_TOPIC", topic + ".depth");
        int depthLimit = r.intValue("DEPTH_SNAPSHOT_LIMIT", 1000, 1, 5000);
        boolean micros = r.parsed("BINANCE_TIME_UNIT", WsLoaderSettings::unit, true);
        WsFeedConfig feed = feed(r, micros);
        BinanceClientConfig rest = rest(r, micros);
        long runFor = longValue(r, "RUN_FOR_MS", 0, 0, Long.MAX_VALUE);
        long end = r.parsed("END_TIME", WsLoaderSettings::parseEndTime, 0L);
        long silenceMs = longValue(r, "GAP_SILENCE_MS", 600_000, 1, Long.MAX_VALUE / 1000);
        return new WsLoaderSettings(
                types,
                topic,
                partitions,
                depthTopic,
                depthLimit,
                feed,
                rest,
                runFor,
                end,
                silenceMs * 1000);
    }

    private static WsFeedConfig feed(ConfigReader r, boolean micros) {
        String url = r.optional("BINANCE_WS_URL", "wss://stream.binance.com:9443");
        int perConnection = r.intValue("STREAMS_PER_CONNECTION", 200, 1, 1024);
        int perSubscribe = r.intValue("STREAMS_PER_SUBSCRIBE", 100, 1, 1024);
        long lifetime =
                longValue(
                        r,
                        "CONNECTION_LIFETIME_MS",
                        23L * 3_600_000L,
                        1,
                        WsFeedConfig.MAX_LIFETIME_MS - 1);
        long stagger = longValue(r, "ROTATION_STAGGER_MS", 300_000, 0, Long.MAX_VALUE);
        long idle = longValue(r, "WS_IDLE_TIMEOUT_MS", 60_000, 1, Long.MAX_VALUE);
        long connect = longValue(r, "WS_CONNECT_TIMEOUT_MS", 10_000, 1, Long.MAX_VALUE);
        long backoff = longValue(r, "WS_RECONNECT_BACKOFF_MS", 1_000, 0, 3_600_000);
        long maxBackoff = longValue(r, "WS_RECONNECT_MAX_BACKOFF_MS", 60_000, 0, 3_600_000);
        try {
            return WsFeedConfig.defaults(url)
                    .withShardSize(perConnection)
                    .withSubscribe(3.0, perSubscribe)
                    .withRotation(lifetime, stagger)
                    .withTimeouts(idle, connect, backoff, Math.max(backoff, maxBackoff))
                    .withMicroseconds(micros);
        } catch (IllegalArgumentException e) {
            r.problem("invalid BINANCE_WS_URL/STREAMS_PER_CONNECTION/WS_*: " + e.getMessage());
            return null;
        }
    }

    private static BinanceClientConfig rest(ConfigReader r, boolean micros) {
        String base = r.optional("BINANCE_BASE_URL", "https://api.binance.com");
        int limit =
                r.intValue(
                        "BINANCE_WEIGHT_LIMIT",
                        BinanceClientConfig.DEFAULT_WEIGHT_LIMIT,
                        1,
                        1_000_000);
        int retries = r.intValue("BINANCE_MAX_RETRIES", 5, 0, 100);
        long backoff = longValue(r, "BINANCE_RETRY_BACKOFF_MS", 500, 1, 600_000);
        try {
            return BinanceClientConfig.defaults(base)
                    .withWeightLimit(limit, BinanceClientConfig.DEFAULT_SAFETY_MARGIN)
                    .withMicroseconds(micros)
                    .withRetries(retries, backoff, Math.max(backoff, 30_000));
        } catch (IllegalArgumentException e) {
            r.problem("invalid BINANCE_BASE_URL: " + e.getMessage());
            return null;
        }
    }

    /** BINANCE_TIME_UNIT: MICROSECOND (default, REST and streams) or MILLISECOND. */
    static boolean unit(String u) {
        if (u.equals("MICROSECOND")) return true;
        if (u.equals("MILLISECOND")) return false;
        throw new IllegalArgumentException("expected MICROSECOND or MILLISECOND, got " + u);
    }

    static long longValue(ConfigReader r, String name, long def, long min, long max) {
        Long v = r.parsed(name, Long::valueOf, def);
        if (v != null && (v < min || v > max)) {
            r.problem("invalid " + name + ": " + v + " not in [" + min + ", " + max + "]");
            return def;
        }
        return v == null ? def : v;
    }
}
