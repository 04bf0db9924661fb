package io.streamforge.loader.candles;

import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.MicrometerClientListener;
import io.streamforge.binance.Sleeper;
import io.streamforge.binance.dump.DumpReader;
import io.streamforge.binance.dump.DumpSource;
import io.streamforge.domain.Interval;
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
 * Loads klines of every configured symbol over the time range into Kafka, from the REST API, from
 * data.binance.vision dump files or both (SOURCE=rest|dump|auto), with coverage facts (ADR 1701).
 */
public final class CandlesLoader implements Worker {
    public static final String SERVICE = "loader-api-candles";

    /** Loader settings read from the environment. */
    public record Settings(Interval interval, LoaderSettings common) {}

    private final Settings settings;

    public CandlesLoader(Settings settings) {
        this.settings = settings;
    }

    /** Reads INTERVAL (1m) and the shared loader settings ({@link LoaderJob#settings}). */
    public static Worker create(ConfigReader r, WorkerConfig common) {
        Interval interval = r.parsed("INTERVAL", Interval::of, Interval.M1);
        return new CandlesLoader(new Settings(interval, LoaderSettings.read(r, common)));
    }

    /** The REST client configuration from the BINANCE_* values. */
    public static BinanceClientConfig clientConfig(LoaderSettings.BinanceEnv b) {
        return BinanceClientConfig.defaults(b.baseUrl())
                .withWeightLimit(b.weightLimit(), BinanceClientConfig.DEFAULT_SAFETY_MARGIN)
                .withMicroseconds(b.microseconds())
                .withRetries(b.maxRetries(), 500, 30_000);
    }

    /** DUMP_DIR (a local mirror) when set, else DUMP_BASE_URL over HTTP. */
    public static DumpReader dumpReader(LoaderSettings s) {
        return new DumpReader(
                s.dumpDir() != null
                        ? DumpSource.folder(Path.of(s.dumpDir()))
                        : DumpSource.http(s.dumpBaseUrl(), Duration.ofSeconds(60)));
    }

    @Override
    public long run(WorkerContext ctx) throws Exception {
        LoaderSettings s = settings.common();
        BinanceRestClient client =
                new BinanceRestClient(
                        clientConfig(s.binance()),
                        ctx.time(),
                        Sleeper.system(),
                        new MicrometerClientListener(ctx.registry()));
        DumpReader dumps = s.source() == LoaderSettings.SourceMode.REST ? null : dumpReader(s);
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
                                new KlineStream(
                                        client, dumps, symbol, settings.interval(), queueId),
                                sink));
    }
}
