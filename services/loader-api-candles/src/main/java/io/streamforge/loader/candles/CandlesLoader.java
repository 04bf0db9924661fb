package io.streamforge.loader.candles;

import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.ClientListener;
import io.streamforge.binance.Sleeper;
import io.streamforge.domain.Interval;
import io.streamforge.domain.TimeRange;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.LoaderJob;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerContext;

/** Loads klines of every configured symbol over the time range from the REST API into Kafka. */
public final class CandlesLoader implements Worker {
    public static final String SERVICE = "loader-api-candles";

    /** Loader settings read from the environment. */
    public record Settings(
            Interval interval,
            TimeRange range,
            String topic,
            int partitions,
            int concurrency,
            BinanceClientConfig binance) {}

    private final Settings settings;

    public CandlesLoader(Settings settings) {
        this.settings = settings;
    }

    /**
     * Reads INTERVAL, TIME_RANGE, KAFKA_TOPIC, TOPIC_PARTITIONS, LOADER_CONCURRENCY, SOURCE,
     * BINANCE_*.
     */
    public static Worker create(ConfigReader r, WorkerConfig common) {
        Interval interval = r.parsed("INTERVAL", Interval::of, Interval.M1);
        TimeRange range = r.requiredParsed("TIME_RANGE", TimeRange::parseDays);
        String source = r.optional("SOURCE", "rest");
        if (!source.equals("rest")) {
            r.problem("invalid SOURCE: '" + source + "' (this version supports rest)");
        }
        return new CandlesLoader(
                new Settings(
                        interval,
                        range,
                        r.optional("KAFKA_TOPIC", common.queueId()),
                        r.intValue("TOPIC_PARTITIONS", 3, 1, 1000),
                        r.intValue("LOADER_CONCURRENCY", 2, 1, 64),
                        binance(r)));
    }

    /** BINANCE_BASE_URL (default the public API), BINANCE_WEIGHT_LIMIT, BINANCE_MAX_RETRIES. */
    public static BinanceClientConfig binance(ConfigReader r) {
        String base = r.optional("BINANCE_BASE_URL", "https://api.binance.com");
        int limit =
                r.intValue(
                        "BINANCE_WEIGHT_LIMIT",
                        BinanceClientConfig.DEFAULT_WEIGHT_LIMIT,
                        1,
                        1_000_000);
        int retries = r.intValue("BINANCE_MAX_RETRIES", 5, 0, 100);
        try {
            return BinanceClientConfig.defaults(base)
                    .withWeightLimit(limit, BinanceClientConfig.DEFAULT_SAFETY_MARGIN)
                    .withMicroseconds(r.parsed("BINANCE_TIME_UNIT", u -> unit(u), true))
                    .withRetries(retries, 500, 30_000);
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
                (symbol, sink) ->
                        client.klines(symbol, settings.interval(), settings.range(), sink::accept));
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
