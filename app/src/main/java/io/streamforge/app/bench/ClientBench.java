package io.streamforge.app.bench;

import io.streamforge.domain.Micros;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import io.streamforge.sim.SimStats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench client}: our Binance client against Binance's own {@code binance-connector-java} (a
 * child JVM on {@code bench-peers/binance-connector/target/lib}). Both take base URLs, so both are
 * pointed at loopback. WebSocket: one connection to the frame blaster (pre-encoded aggTrade frames,
 * so the source is not the limit), messages/s parsed into typed values. REST: klines and aggTrades
 * pages/s of one symbol against the simulator's weight limit on a shared scaled clock (a simulated
 * minute = 60 / time-scale wall seconds), with the 429/418 answers the simulator counted.
 * Decisions: ADR 2901.
 */
public final class ClientBench {
    static final String PEER = "binance-connector";

    /** {@code weightLimit}: per simulated minute, which lasts 60 / timeScale wall seconds. */
    public record Options(
            int seconds, int restSeconds, int weightLimit, double timeScale, String peerLib) {}

    public record Result(
            double wsOurs,
            double wsOfficial,
            List<ClientRest.Phase> restOurs,
            List<ClientRest.Phase> restOfficial) {
        public double wsRatio() {
            return wsOurs / wsOfficial;
        }
    }

    private ClientBench() {}

    public static Result run(Options o, PrintStream out) {
        Path lib = PeerProcess.libDir(PEER, o.peerLib());
        String cp = lib + "/*" + java.io.File.pathSeparator + lib.getParent().resolve("classes");
        double ours;
        double official;
        try (FrameBlaster b = FrameBlaster.start()) {
            out.println("» WS ours: BinanceWsFeed → typed AggTrade, one connection ...");
            ours = BlasterBench.feedRate(b, o.seconds(), null, null)[0];
            out.println("» WS official: WebSocketStreamClientImpl + org.json → typed record ...");
            Map<String, String> r =
                    child(
                            cp,
                            List.of(
                                    "ws",
                                    b.wsBaseUrl(),
                                    "btcusdt@aggTrade",
                                    "3",
                                    "" + o.seconds()));
            official = Long.parseLong(r.get("messages")) / Double.parseDouble(r.get("seconds"));
        }
        List<ClientRest.Phase> restOurs = new ArrayList<>();
        List<ClientRest.Phase> restOfficial = new ArrayList<>();
        ScaledClock clock =
                new ScaledClock(Micros.of(Instant.parse("2024-07-01T00:00:00Z")), o.timeScale());
        SimConfig cfg =
                SimConfig.defaults()
                        .withSymbols(List.of(ClientRest.SYMBOL))
                        .withTimeSource(clock)
                        .withWeightLimitPerMinute(o.weightLimit());
        try (ExchangeSimulator sim = ExchangeSimulator.start(cfg)) {
            for (boolean klines : new boolean[] {true, false}) {
                String kind = klines ? "klines" : "aggTrades";
                out.printf(
                        "» REST %s ours, then official (%d s each) ...%n", kind, o.restSeconds());
                restOurs.add(ClientRest.ours(sim, clock, o.weightLimit(), klines, o.restSeconds()));
                nextWindow(sim, o);
                SimStats.Counts before = sim.stats().total();
                Map<String, String> r =
                        child(
                                cp,
                                List.of(
                                        "rest",
                                        sim.baseUrl(),
                                        kind,
                                        ClientRest.SYMBOL.value(),
                                        "" + ClientRest.RANGE.startUs() / 1_000,
                                        "" + o.restSeconds()));
                restOfficial.add(
                        ClientRest.phase(
                                sim,
                                before,
                                Long.parseLong(r.get("pages")),
                                Double.parseDouble(r.get("seconds"))));
                nextWindow(sim, o);
            }
        }
        Result res = new Result(ours, official, restOurs, restOfficial);
        print(res, o, out);
        return res;
    }

    /** Lets the weight window roll over and forgets bans, so each phase starts alike. */
    private static void nextWindow(ExchangeSimulator sim, Options o) {
        RestBench.sleepMs((long) (60_000 / o.timeScale()) + 100);
        sim.resetRateLimits();
    }

    /** Runs the official client's driver; its {@code RESULT k=v ...} line as a map. */
    static Map<String, String> child(String cp, List<String> args) {
        Path log = tempLog();
        Process p =
                PeerProcess.start(
                        cp,
                        List.of("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                        "io.streamforge.benchpeer.binance.OfficialClientRun",
                        args,
                        log);
        try {
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                PeerProcess.stop(p);
                throw new IllegalStateException("official client did not finish: " + read(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String text = read(log);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temporary file; left behind it does no harm
        }
        return result(text);
    }

    /** The {@code RESULT k=v ...} line of the driver's output as a map. */
    static Map<String, String> result(String text) {
        for (String line : text.lines().toList()) {
            if (line.startsWith("RESULT ")) {
                Map<String, String> m = new HashMap<>();
                for (String kv : line.substring(7).split(" ")) {
                    m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                }
                return m;
            }
        }
        throw new IllegalStateException("official client gave no result: " + text);
    }

    private static void print(Result r, Options o, PrintStream out) {
        out.println();
        out.println("WebSocket, one connection, aggTrade frames from the frame blaster");
        out.printf("  ours (BinanceWsFeed → AggTrade)            %,12.0f msgs/s%n", r.wsOurs());
        out.printf("  binance-connector-java 3.4.1 + org.json    %,12.0f msgs/s%n", r.wsOfficial());
        out.printf(
                "REST, weight limit %,d per simulated minute (%.1f wall s), 1 symbol, pages of 1000%n",
                o.weightLimit(), 60 / o.timeScale());
        out.println("                                pages/s      429   418");
        String[] kinds = {"klines", "aggTrades"};
        for (int i = 0; i < kinds.length; i++) {
            rest(out, kinds[i] + " ours", r.restOurs().get(i));
            rest(out, kinds[i] + " binance-connector-java", r.restOfficial().get(i));
        }
        out.printf(
                "ratio ws ours / binance-connector-java  %.2f  (target ≥ 2: %s)%n",
                r.wsRatio(), r.wsRatio() >= 2 ? "met" : "not met");
    }

    private static void rest(PrintStream out, String name, ClientRest.Phase p) {
        out.printf("  %-28s %,8.1f %8d %5d%n", name, p.perSecond(), p.tooMany(), p.banned());
    }

    private static Path tempLog() {
        try {
            return Files.createTempFile("streamforge-bench-client-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
