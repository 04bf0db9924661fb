package io.streamforge.app.bench;

import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.postgres.PostgresStores;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench sink}: the same pre-filled records (candles 1m + aggTrades) sunk into the same
 * PostgreSQL table shapes with upsert on the same key, once by our connector (in this JVM, as
 * {@code streamforge up} runs it) and once by the Debezium JDBC sink connector on Kafka Connect
 * standalone (a child JVM on its own classpath, its native input: JSON with schemas). Each side
 * first sinks a warm-up range (not measured); then records/s, the machine's CPU µs per record and
 * the stored rows of both sides (compared by digest). Decisions: ADR 2901.
 */
public final class SinkBench {

    /** Options; {@code batch} = records per poll and per database transaction on both sides. */
    public record Options(
            List<Symbol> symbols, TimeRange days, int warmUpDays, int batch, String peerLib) {

        TimeRange warmUp() {
            long day = 86_400_000_000L;
            return new TimeRange(days.startUs() - warmUpDays * day, days.startUs());
        }
    }

    /**
     * One side's measured phase: {@code cpuMicrosPerRecord} counts the bench's own processes (this
     * JVM with the broker, the peer's JVM, PostgreSQL: {@link ProcessCpu}); {@code busy} is the
     * whole machine's share of busy cores (other work on a shared machine included).
     */
    public record Side(long records, double seconds, double cpuMicrosPerRecord, double busy) {
        public double perSecond() {
            return records / seconds;
        }
    }

    public record Result(
            long records, Side ours, Side peer, SinkTables oursStored, SinkTables peerStored) {
        public double ratio() {
            return ours.perSecond() / peer.perSecond();
        }

        public boolean rowsEqual() {
            return oursStored.equals(peerStored);
        }
    }

    private SinkBench() {}

    public static Result run(Options o, PrintStream out) {
        Path peerLib = PeerProcess.libDir(KafkaConnectChild.PEER, o.peerLib());
        MarketModel model = new MarketModel(SimConfig.defaults().withSymbols(o.symbols()));
        List<MarketRecord> warm = records(model, o.symbols(), o.warmUp());
        List<MarketRecord> measured = records(model, o.symbols(), o.days());
        out.printf(
                "» %,d records (warm-up %,d) from the simulator's model%n",
                measured.size(), warm.size());
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
                EmbeddedPostgresServer pg = EmbeddedPostgresServer.start();
                PostgresStores ours = PostgresStores.open(pg.jdbcUrl(), pg.user(), pg.password())) {
            SinkTables.createDatabase(pg.dataSource(), "peer");
            String peerUrl = pg.jdbcUrl().replaceAll("/postgres$", "/peer");
            try (PostgresStores peer = PostgresStores.open(peerUrl, pg.user(), pg.password())) {
                SinkSides sides =
                        new SinkSides(kafka, pg.dataDir().resolve("pgdata"), o.batch(), out);
                out.println("» pre-filling the topics (not measured) ...");
                sides.prefill(warm, measured);
                out.println("» ours: arango-connector (DB_KIND=postgres), warm-up then measured");
                Side oursSide = sides.runOurs(pg.jdbcUrl(), ours.dataSource(), measured.size());
                out.println("» peer: Debezium JDBC sink on Kafka Connect standalone (child JVM)");
                Side peerSide =
                        sides.runDebezium(
                                peerLib, peerUrl, peer.dataSource(), warm.size(), measured.size());
                Result r =
                        new Result(
                                measured.size(),
                                oursSide,
                                peerSide,
                                SinkTables.read(ours.dataSource()),
                                SinkTables.read(peer.dataSource()));
                print(r, warm.size(), out);
                return r;
            }
        }
    }

    /** Candles 1m and aggTrades of every symbol over {@code range}, as the model serves them. */
    static List<MarketRecord> records(MarketModel model, List<Symbol> symbols, TimeRange range) {
        List<MarketRecord> out = new ArrayList<>();
        for (Symbol s : symbols) {
            out.addAll(model.klines(s, Interval.M1, range.startUs(), range.endUs()));
            out.addAll(model.aggTrades(s, range.startUs(), range.endUs()));
        }
        return out;
    }

    private static void print(Result r, long warm, PrintStream out) {
        out.println();
        out.printf(
                "records (candles 1m + aggTrades)   %,12d  (+ %,d warm-up, not measured)%n",
                r.records(), warm);
        out.println(
                "                                     records/s   CPU µs/record (own processes)   machine busy");
        row(out, "ours (arango-connector)", r.ours());
        row(out, "debezium-jdbc 3.6 on Connect 4.4", r.peer());
        out.printf(
                "stored rows                        ours %,d / %,d, debezium %,d / %,d (candles /"
                        + " aggTrades): %s%n",
                r.oursStored().candles(),
                r.oursStored().aggTrades(),
                r.peerStored().candles(),
                r.peerStored().aggTrades(),
                r.rowsEqual() ? "equal (count + digest)" : "DIFFERENT");
        out.printf(
                "CPU per record ours / debezium     %12.2f  (lower is better)%n",
                r.ours().cpuMicrosPerRecord() / r.peer().cpuMicrosPerRecord());
        out.printf(
                "ratio ours / debezium-jdbc  %.2f  (records/s; target ≥ 2: %s)%n",
                r.ratio(), r.ratio() >= 2 ? "met" : "not met");
    }

    private static void row(PrintStream out, String name, Side s) {
        out.printf(
                "%-32s %,12.0f %20.1f %20.0f %%%n",
                name, s.perSecond(), s.cpuMicrosPerRecord(), s.busy() * 100);
    }
}
