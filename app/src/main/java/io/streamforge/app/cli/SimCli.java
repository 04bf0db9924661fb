package io.streamforge.app.cli;

import io.streamforge.domain.Symbol;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.ReplayClock;
import io.streamforge.sim.SimConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge sim}: the exchange simulator alone, until Ctrl-C. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the exchange simulator alone until Ctrl-C.",
            "Binance REST, WebSocket streams and dump files, deterministic from the seed;",
            "prints its base URL."
        })
public final class SimCli implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--port",
            defaultValue = "0",
            description = "Port, 0 = a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the generated market (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--symbols",
            split = ",",
            paramLabel = "SYMBOL",
            description = "Symbols, comma-separated (default: the simulator's list).")
    List<Symbol> symbols;

    @Option(
            names = "--agg-trades-per-day",
            defaultValue = "2880",
            description = "aggTrades per symbol and day (default: ${DEFAULT-VALUE}).")
    int aggTradesPerDay;

    @Option(
            names = "--weight-limit",
            defaultValue = "6000",
            description = "REST request weight per minute (default: ${DEFAULT-VALUE}).")
    int weightLimit;

    @Option(
            names = "--replay-from",
            paramLabel = "INSTANT",
            description = "Simulated start time, e.g. 2024-01-15T00:00:00Z (default: now).")
    Instant replayFrom;

    @Option(
            names = "--replay-speed",
            defaultValue = "1",
            description = "Simulated seconds per wall second (default: ${DEFAULT-VALUE}).")
    double replaySpeed;

    @Option(
            names = "--ws-time-scale",
            description = "Scale of stream lifetimes, pings and windows, e.g. 0.001 (default: 1).")
    Double wsTimeScale;

    @Option(
            names = "--max-streams",
            description = "Streams per WebSocket connection (default: 1024).")
    Integer maxStreams;

    @Option(
            names = "--connections-per-window",
            description = "New connections per 5-minute window (default: 300).")
    Integer connectionsPerWindow;

    @Option(
            names = "--micros-switch-date",
            paramLabel = "YYYY-MM-DD",
            defaultValue = "2025-01-01",
            description = "First day whose dumps have µs timestamps (default: ${DEFAULT-VALUE}).")
    LocalDate microsSwitchDate;

    SimCli(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The simulator configuration of these options; {@link UsageError} for a bad value. */
    SimConfig config() {
        Checks.port("--port", port);
        Checks.positive("--agg-trades-per-day", aggTradesPerDay);
        Checks.positive("--weight-limit", weightLimit);
        Checks.above("--replay-speed", replaySpeed, 0, 1e9);
        SimConfig c =
                SimConfig.defaults()
                        .withPort(port)
                        .withSeed(seed)
                        .withAggTradesPerDay(aggTradesPerDay)
                        .withWeightLimitPerMinute(weightLimit)
                        .withMicrosSwitchDate(microsSwitchDate);
        if (symbols != null) {
            c = c.withSymbols(List.copyOf(symbols));
        }
        if (wsTimeScale != null) {
            c =
                    c.withStreams(
                            c.streams()
                                    .withTimeScale(
                                            Checks.above("--ws-time-scale", wsTimeScale, 0, 1e6)));
        }
        if (maxStreams != null) {
            c =
                    c.withStreams(
                            c.streams()
                                    .withMaxStreamsPerConnection(
                                            Checks.positive("--max-streams", maxStreams)));
        }
        if (connectionsPerWindow != null) {
            int n = Checks.positive("--connections-per-window", connectionsPerWindow);
            c =
                    c.withStreams(
                            c.streams()
                                    .withConnectionsPerWindow(n, c.streams().connectionWindowMs()));
        }
        if (replayFrom != null || replaySpeed != 1.0) {
            Instant from = replayFrom == null ? Instant.now() : replayFrom;
            c = c.withTimeSource(ReplayClock.startingAt(from, replaySpeed));
        }
        return c;
    }

    @Override
    public Integer call() throws InterruptedException {
        ExchangeSimulator sim = ExchangeSimulator.start(config());
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "sim-shutdown"));
        ctx.out().println(sim.baseUrl());
        ctx.out().flush();
        new CountDownLatch(1).await();
        return ExitCode.OK;
    }
}
