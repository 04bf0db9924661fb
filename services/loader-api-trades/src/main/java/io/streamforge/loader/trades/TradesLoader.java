package io.streamforge.loader.trades;

import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.ClientListener;
import io.streamforge.binance.Sleeper;
import io.streamforge.domain.TimeRange;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.LoaderJob;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerContext;

/** Loads aggTrades of every configured symbol over the time range from the REST API into Kafka. */
public final class TradesLoader implements Worker {
    public static final String SERVICE = "loader-api-trades";

    /** Loader settings read from the environment. */
    public record Settings(
            TimeRange range,
            String topic,
            int partitions,
            int concurrency,
            BinanceClientConfig binance) {}

    private final Settings settings;

    public TradesLoader(Settings settings) {
        this.settings = settings;
    }

    /**
     * Reads TIME_RANGE, TYPE (agg_trades), KAFKA_TOPIC, TOPIC_PARTITIONS, LOADER_CONCURRENCY,
     * BINANCE_*.
     */
    public static Worker create(ConfigReader r, WorkerConfig common) {
        TimeRange range = r.requiredParsed("TIME_RANGE", TimeRange::parseDays);
        String type = common.type().isEmpty() ? "agg_trades" : common.type();
        if (!type.equals("agg_trades") && !type.equals("trades")) {
            r.problem("invalid TYPE: '" + type + "' (expected agg_trades)");
        } else if (type.equals("trades")) {
            r.problem(
                    "invalid TYPE: 'trades' needs historicalTrades, not supported by this version; use agg_trades");
        }
        return new TradesLoader(
                new Settings(
                        range,
                        r.optional("KAFKA_TOPIC", common.queueId()),
                        r.intValue("TOPIC_PARTITIONS", 3, 1, 1000),
                        r.intValue("LOADER_CONCURRENCY", 2, 1, 64),
                        binance(r)));
    }

    /** BINANCE_BASE_URL (default the public API), BINANCE_WEIGHT_LIMIT. */
    static BinanceClientConfig binance(ConfigReader r) {
        String base = r.optional("BINANCE_BASE_URL", "https://api.binance.com");
        int limit =
                r.intValue(
                        "BINANCE_WEIGHT_LIMIT",
                        BinanceClientConfig.DEFAULT_WEIGHT_LIMIT,
                        1,
                        1_000_000);
        try {
            return BinanceClientConfig.defaults(base)
                    .withWeightLimit(limit, BinanceClientConfig.DEFAULT_SAFETY_MARGIN)
                    .withMicroseconds(r.parsed("BINANCE_TIME_UNIT", u -> unit(u), true));
        } catch (IllegalArgumentException e) {
            r.problem("invalid BINANCE_BASE_URL: " + e.getMessage());
            return null;
        }
    }

    @Override
    public long run(WorkerContext ctx) throws Exception {
        BinanceRestClient client =
                new BinanceRestClient(
                        settings.binance(), ctx.time(), Sleeper.system(), ClientListener.NONE);
        return LoaderJob.run(
                ctx,
                settings.topic(),
                settings.partitions(),
                settings.concurrency(),
                (symbol, sink) -> client.aggTrades(symbol, settings.range(), sink::accept));
    }

    /** BINANCE_TIME_UNIT: MICROSECOND (default; exact trade times) or MILLISECOND. */
    static boolean unit(String u) {
        if (u.equals("MICROSECOND")) {
            return true;
        }
        if (u.equals("MILLISECOND")) {
            return false;
        }
        throw new IllegalArgumentException("expected MICROSECOND or MILLISECOND, got " + u);
    }
}
