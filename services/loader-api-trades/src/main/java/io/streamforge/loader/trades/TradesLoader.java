package io.streamforge.loader.trades;

import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.MicrometerClientListener;
import io.streamforge.binance.Sleeper;
import io.streamforge.binance.dump.DumpReader;
import io.streamforge.binance.dump.DumpSource;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.LoaderJob;
import io.streamforge.runtime.LoaderSettings;
import io.streamforge.runtime.SourceLoad;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerContext;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Loads aggTrades of every configured symbol over the time range into Kafka, from the REST API,
 * from data.binance.vision dump files or both (SOURCE=rest|dump|auto), with coverage facts (ADR
 * 1701).
 */
public final class TradesLoader implements Worker {
    public static final String SERVICE = "loader-api-trades";

    private final LoaderSettings settings;

    public TradesLoader(LoaderSettings settings) {
        this.settings = settings;
    }

    /** Reads TYPE (agg_trades) and the shared loader settings ({@link LoaderJob#settings}). */
    public static Worker create(ConfigReader r, WorkerConfig common) {
        String type = common.type().isEmpty() ? "agg_trades" : common.type();
        if (!type.equals("agg_trades") && !type.equals("trades")) {
            r.problem("invalid TYPE: '" + type + "' (expected agg_trades)");
        } else if (type.equals("trades")) {
            r.problem(
                    "invalid TYPE: 'trades' needs historicalTrades, not supported by this version; use agg_trades");
        }
        return new TradesLoader(LoaderSettings.read(r, common));
    }

    @Override
    public long run(WorkerContext ctx) throws Exception {
        LoaderSettings s = settings;
        var b = s.binance();
        BinanceClientConfig config =
                BinanceClientConfig.defaults(b.baseUrl())
                        .withWeightLimit(b.weightLimit(), BinanceClientConfig.DEFAULT_SAFETY_MARGIN)
                        .withMicroseconds(b.microseconds())
                        .withRetries(b.maxRetries(), 500, 30_000);
        BinanceRestClient client =
                new BinanceRestClient(
                        config,
                        ctx.time(),
                        Sleeper.system(),
                        new MicrometerClientListener(ctx.registry()));
        DumpReader dumps =
                s.source() == LoaderSettings.SourceMode.REST
                        ? null
                        : new DumpReader(
                                s.dumpDir() != null
                                        ? DumpSource.folder(Path.of(s.dumpDir()))
                                        : DumpSource.http(s.dumpBaseUrl(), Duration.ofSeconds(60)));
        String queueId = ctx.config().queueId();
        return LoaderJob.run(
                ctx,
                s.topic(),
                s.partitions(),
                s.concurrency(),
                (symbol, sink) ->
                        SourceLoad.load(
                                s.source(),
                                s.rangesOf(symbol),
                                ctx.time().nowUs(),
                                new AggTradeStream(client, dumps, symbol, queueId),
                                sink));
    }
}
