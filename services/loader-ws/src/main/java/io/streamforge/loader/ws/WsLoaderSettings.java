package io.streamforge.loader.ws;

import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.ws.WsFeedConfig;
import io.streamforge.binance.ws.WsStream;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
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
 * @param liveTopicPrefix null in the per-queue job mode; in {@code LOADER_MODE=live} the prefix of
 *     the stable per-stream topics {@code <prefix>.<stream type>} (ADR 3001)
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
        long gapSilenceUs,
        String liveTopicPrefix) {

    static final String TYPES = "aggTrade, trade, kline_<interval>, depth";

    public WsLoaderSettings {
        streamTypes = List.copyOf(streamTypes);
    }

    /** Whether the run ends by itself (RUN_FOR_MS or END_TIME). */
    public boolean bounded() {
        return runForMs > 0 || endTimeUs > 0;
    }

    /** Whether this is the long-running live mode (stable per-stream topics, no deadline). */
    public boolean live() {
        return liveTopicPrefix != null;
    }

    /** The data topic of a record: the queue's topic, or {@code <prefix>.<stream type>} live. */
    public String topicOf(MarketRecord r) {
        if (!live()) return topic;
        if (r instanceof AggTrade) return liveTopic("aggTrade");
        if (r instanceof Trade) return liveTopic("trade");
        if (r instanceof Candle c) return liveTopic("kline_" + c.interval().code());
        throw new IllegalArgumentException("no live topic for " + r.getClass().getSimpleName());
    }

    /** Every data topic this run writes (depth excluded). */
    public List<String> dataTopics() {
        if (!live()) return List.of(topic);
        return streamTypes.stream().filter(t -> !t.equals("depth")).map(this::liveTopic).toList();
    }

    /** {@code <LIVE_TOPIC_PREFIX>.<stream type>}, e.g. {@code live.kline_1m}. */
    public String liveTopic(String streamType) {
        return liveTopicPrefix + "." + streamType;
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
        String prefix = livePrefix(r);
        String topic = prefix != null ? prefix : r.optional("KAFKA_TOPIC", common.queueId());
        int partitions = r.intValue("TOPIC_PARTITIONS", 3, 1, 1000);
        String depthTopic =
                prefix != null ? prefix + ".depth" : r.optional("DEPTH_TOPIC", topic + ".depth");
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
                silenceMs * 1000,
                prefix);
    }

    /**
     * LOADER_MODE: {@code job} (default, one queue's topic, may be bounded) or {@code live} (stable
     * topics {@code <LIVE_TOPIC_PREFIX>.<stream>}, runs until stopped). Returns the live prefix or
     * null; variables that have no meaning live are rejected by name.
     */
    static String livePrefix(ConfigReader r) {
        String mode = r.optional("LOADER_MODE", "job");
        if (mode.equals("job")) return null;
        if (!mode.equals("live")) {
            r.problem("invalid LOADER_MODE: expected job or live, got " + mode);
            return null;
        }
        for (String unused : List.of("KAFKA_TOPIC", "DEPTH_TOPIC", "RUN_FOR_MS", "END_TIME")) {
            if (r.optional(unused, null) != null) {
                r.problem("invalid " + unused + ": not used with LOADER_MODE=live (no deadline)");
            }
        }
        String prefix = r.optional("LIVE_TOPIC_PREFIX", "live");
        if (!prefix.matches("[a-zA-Z0-9_-][a-zA-Z0-9._-]{0,100}")) {
            r.problem("invalid LIVE_TOPIC_PREFIX: '" + prefix + "' is not a Kafka topic prefix");
            return null;
        }
        return prefix;
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
