package io.streamforge.sim;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone: {@code SimMain [--port N] [--seed N] [--symbols A,B,...]
 * [--agg-trades-per-day N] [--weight-limit N] [--replay-from ISO-INSTANT] [--replay-speed X]
 * [--ws-time-scale X] [--max-streams N] [--connections-per-window N] [--micros-switch-date
 * YYYY-MM-DD]}. Prints the base URL on stdout and runs until killed.
 */
public final class SimMain {
    private SimMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sim: " + e.getMessage());
            System.err.println(
                    "usage: sim [--port N] [--seed N] [--symbols A,B,...] [--agg-trades-per-day N]"
                            + " [--weight-limit N] [--replay-from 2024-01-15T00:00:00Z]"
                            + " [--replay-speed 60] [--ws-time-scale 0.001] [--max-streams N]"
                            + " [--connections-per-window N] [--micros-switch-date YYYY-MM-DD]");
            System.exit(2);
            return;
        }
        ExchangeSimulator sim = ExchangeSimulator.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "sim-shutdown"));
        System.out.println(sim.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Parses the command line into a config (defaults for everything not given). */
    public static SimConfig parse(String... args) {
        SimConfig c = SimConfig.defaults();
        java.time.Instant replayFrom = null;
        double replaySpeed = 1.0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String v = args[++i];
            switch (flag) {
                case "--port" -> c = c.withPort(number(flag, v));
                case "--seed" -> c = c.withSeed(Long.parseLong(checkDigits(flag, v)));
                case "--symbols" ->
                        c =
                                c.withSymbols(
                                        Arrays.stream(v.split(","))
                                                .map(String::trim)
                                                .filter(s -> !s.isEmpty())
                                                .toArray(String[]::new));
                case "--agg-trades-per-day" -> c = c.withAggTradesPerDay(number(flag, v));
                case "--weight-limit" -> c = c.withWeightLimitPerMinute(number(flag, v));
                case "--replay-from" -> replayFrom = instant(flag, v);
                case "--replay-speed" -> replaySpeed = decimal(flag, v);
                case "--ws-time-scale" ->
                        c = c.withStreams(c.streams().withTimeScale(decimal(flag, v)));
                case "--max-streams" ->
                        c = c.withStreams(c.streams().withMaxStreamsPerConnection(number(flag, v)));
                case "--connections-per-window" ->
                        c =
                                c.withStreams(
                                        c.streams()
                                                .withConnectionsPerWindow(
                                                        number(flag, v),
                                                        c.streams().connectionWindowMs()));
                case "--micros-switch-date" -> c = c.withMicrosSwitchDate(date(flag, v));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (replayFrom != null || replaySpeed != 1.0) {
            java.time.Instant from = replayFrom == null ? java.time.Instant.now() : replayFrom;
            c = c.withTimeSource(ReplayClock.startingAt(from, replaySpeed));
        }
        return c;
    }

    private static double decimal(String flag, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    flag + " expects a positive number, got '" + v + "'");
        }
    }

    private static java.time.Instant instant(String flag, String v) {
        try {
            return java.time.Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    flag + " expects an ISO instant like 2024-01-15T00:00:00Z, got '" + v + "'");
        }
    }

    private static java.time.LocalDate date(String flag, String v) {
        try {
            return java.time.LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " expects YYYY-MM-DD, got '" + v + "'");
        }
    }

    private static int number(String flag, String v) {
        return Integer.parseInt(checkDigits(flag, v));
    }

    private static String checkDigits(String flag, String v) {
        if (!v.matches("-?[0-9]{1,18}")) {
            throw new IllegalArgumentException(flag + " expects a number, got '" + v + "'");
        }
        return v;
    }
}
