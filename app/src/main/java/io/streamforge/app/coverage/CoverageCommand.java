package io.streamforge.app.coverage;

import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageReport;
import io.streamforge.domain.coverage.KeyCoverage;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.store.postgres.PostgresStores;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code streamforge coverage [--data-dir DIR] [--jdbc-url URL [--user U]] [--queue ID] [--range
 * A:B]}: prints the coverage ledger (ADR 1301/1701) of a local data folder (its PostgreSQL is
 * started from {@code DIR/postgres}) or of any PostgreSQL ({@code --jdbc-url}, password from {@code
 * POSTGRES_PASSWORD}). {@code --queue} limits the report to what one queue recorded, {@code
 * --range} (days, inclusive) to a time range with the covered percentage.
 */
public final class CoverageCommand {
    static final String USAGE =
            "usage: streamforge coverage [--data-dir DIR] [--jdbc-url URL [--user U]] [--queue ID]"
                    + " [--range YYYY-MM-DD:YYYY-MM-DD]\n";
    private static final Set<String> OPTIONS =
            Set.of("--data-dir", "--jdbc-url", "--user", "--queue", "--range");

    private CoverageCommand() {}

    /** Runs the command; returns the exit code (0 ok, 2 bad usage or no data). */
    public static int run(
            String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                err.print("streamforge coverage: unknown option '" + args[i] + "'\n" + USAGE);
                return 2;
            }
            if (i + 1 >= args.length) {
                err.print("streamforge coverage: " + args[i] + " needs a value\n" + USAGE);
                return 2;
            }
            o.put(args[i], args[i + 1]);
        }
        TimeRange range;
        try {
            range = o.containsKey("--range") ? TimeRange.parseDays(o.get("--range")) : null;
        } catch (IllegalArgumentException e) {
            err.println("streamforge coverage: --range: " + e.getMessage());
            return 2;
        }
        String jdbc = o.get("--jdbc-url");
        if (jdbc != null) {
            try (PostgresStores s =
                    PostgresStores.open(
                            jdbc,
                            o.getOrDefault("--user", "postgres"),
                            env.get("POSTGRES_PASSWORD"))) {
                out.print(report(s.coverage(), o.get("--queue"), range));
            }
            return 0;
        }
        Path dir = Path.of(o.getOrDefault("--data-dir", ".streamforge/up")).resolve("postgres");
        if (!Files.isDirectory(dir.resolve("pgdata"))) {
            err.println(
                    "streamforge coverage: no local PostgreSQL in "
                            + dir
                            + " (give --data-dir of a platform that ran, or --jdbc-url)");
            return 2;
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir);
                PostgresStores s = PostgresStores.open(pg.jdbcUrl(), pg.user(), pg.password())) {
            out.print(report(s.coverage(), o.get("--queue"), range));
        }
        return 0;
    }

    /** The report text: one queue (with the range's percentage if given), a range, or all. */
    static String report(CoverageLedger ledger, String queueId, TimeRange range) {
        if (queueId != null) {
            List<KeyCoverage> views = ledger.reportOfQueue(queueId);
            return "queue " + queueId + "\n" + CoverageReport.render(views, range);
        }
        if (range != null) {
            return CoverageReport.render(ledger, range);
        }
        return CoverageReport.render(ledger.report(new TimeRange(0, Long.MAX_VALUE)), null);
    }
}
