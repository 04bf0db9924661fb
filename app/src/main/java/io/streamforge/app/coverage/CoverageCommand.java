package io.streamforge.app.coverage;

import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.DataDir;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.app.cli.UsageError;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageReport;
import io.streamforge.domain.coverage.KeyCoverage;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.store.postgres.PostgresStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamforge coverage [--data-dir DIR | --jdbc-url URL [--user U]] [--queue ID] [--range
 * A:B]}: prints the coverage ledger (ADR 1301/1701) of a local data folder (its PostgreSQL is
 * started from {@code DIR/postgres}, the folder locked while it runs) or of any PostgreSQL ({@code
 * --jdbc-url}, password from {@code POSTGRES_PASSWORD}). {@code --queue} limits the report to what
 * one queue recorded, {@code --range} (days, inclusive) to a time range with the covered
 * percentage.
 */
@Command(
        name = "coverage",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Print the coverage ledger of a data folder or a database.",
            "Which time ranges of which symbol and source are stored, and the gaps."
        })
public final class CoverageCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".streamforge/up",
            description = "Data folder of a platform that ran (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            description = "Any PostgreSQL instead (password from POSTGRES_PASSWORD).")
    String jdbcUrl;

    @Option(
            names = "--user",
            defaultValue = "postgres",
            description = "User with --jdbc-url (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--queue", paramLabel = "ID", description = "Only what this queue recorded.")
    String queue;

    @Option(
            names = "--range",
            paramLabel = "FROM:TO",
            description = "Only these days (inclusive), with the covered percentage.")
    TimeRange range;

    CoverageCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (jdbcUrl != null) {
            try (PostgresStores s =
                    PostgresStores.open(jdbcUrl, user, ctx.env().get("POSTGRES_PASSWORD"))) {
                ctx.out().print(report(s.coverage(), queue, range));
            }
            return ExitCode.OK;
        }
        Path pg = dataDir.resolve("postgres");
        if (!Files.isDirectory(pg.resolve("pgdata"))) {
            throw new UsageError(
                    "no local PostgreSQL in "
                            + pg
                            + " (give --data-dir of a platform that ran, or --jdbc-url)");
        }
        try (DataDir lock = DataDir.lock(dataDir);
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg);
                PostgresStores s =
                        PostgresStores.open(server.jdbcUrl(), server.user(), server.password())) {
            ctx.out().print(report(s.coverage(), queue, range));
        }
        return ExitCode.OK;
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
