package io.streamforge.sim;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone: {@code SimMain [--port N] [--seed N] [--symbols A,B,...]
 * [--agg-trades-per-day N] [--weight-limit N]}. Prints the base URL on stdout and runs until
 * killed.
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
                            + " [--weight-limit N]");
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
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return c;
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
