package io.streamforge.app.bench;

import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/** The two measured paths of {@code bench backfill}, each timed with the machine's CPU. */
final class BackfillPaths {
    private static final String LOADER = "loader-api-trades__bench";

    private final String bootstrap;
    private final String exchangeUrl;
    private final int batch;
    private final Path pgdata;

    BackfillPaths(String bootstrap, String exchangeUrl, int batch, Path pgdata) {
        this.pgdata = pgdata;
        this.bootstrap = bootstrap;
        this.exchangeUrl = exchangeUrl;
        this.batch = batch;
    }

    /**
     * The product's path: the loader and the connector run concurrently (as in a pipeline); the
     * clock stops when the connector has stored everything up to the loader's end-of-stream
     * markers.
     */
    BackfillBench.Run pipeline(
            String jdbcUrl,
            DataSource ds,
            String topic,
            List<Symbol> symbols,
            String days,
            Path dumps) {
        long rowsBefore = SinkTables.count(ds);
        CpuMeter meter = CpuMeter.start();
        ProcessCpu own = ProcessCpu.start(pgdata);
        long t0 = System.nanoTime();
        CompletableFuture<Void> connector =
                CompletableFuture.runAsync(
                        () -> BenchWorkers.connector(bootstrap, jdbcUrl, topic, LOADER, batch));
        BenchWorkers.dumpLoader(
                bootstrap,
                topic,
                LOADER,
                BackfillBench.symbolList(symbols),
                days,
                dumps.toString(),
                exchangeUrl);
        connector.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rows = SinkTables.count(ds) - rowsBefore;
        return new BackfillBench.Run(rows, seconds, own.microsPer(rows), busy(meter));
    }

    /** The hand-made path: one COPY per archive, archives one after the other. */
    BackfillBench.Run direct(DataSource ds, List<Symbol> symbols, TimeRange range, Path dumps) {
        CpuMeter meter = CpuMeter.start();
        ProcessCpu own = ProcessCpu.start(pgdata);
        long t0 = System.nanoTime();
        long rows = 0;
        LocalDate from = Micros.toDate(range.startUs());
        LocalDate to = Micros.toDate(range.endUs() - 1);
        for (Symbol s : symbols) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                rows += DirectCopy.copy(ds, BackfillBench.archive(dumps, s, d), s);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new BackfillBench.Run(rows, seconds, own.microsPer(rows), busy(meter));
    }

    private static double busy(CpuMeter meter) {
        meter.close();
        return meter.busy();
    }
}
