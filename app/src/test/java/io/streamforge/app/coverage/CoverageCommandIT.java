package io.streamforge.app.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.cli.CliRun;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.store.postgres.PostgresStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code streamforge coverage} on the PostgreSQL of a real (embedded) data folder. */
class CoverageCommandIT {
    static final TimeRange DAY = TimeRange.parseDays("2024-01-01:2024-01-01");

    @Test
    void printsTheLedgerOfADataDirPerQueueAndPerRange() throws Exception {
        Path dir = Files.createTempDirectory("sf-coverage-cmd");
        var kl = CoverageKey.klines(Symbol.of("BTCUSDT"), Interval.M1);
        TimeRange window =
                new TimeRange(DAY.startUs() + 600_000_000L, DAY.startUs() + 1_200_000_000L);
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("postgres"));
                PostgresStores s = PostgresStores.open(pg.jdbcUrl(), pg.user(), pg.password())) {
            s.coverage().record(List.of(new Received(kl, DAY, Source.DUMP, "q-1")));
            s.coverage()
                    .recordGap(
                            Gap.missing(kl, window, "x", "q-1")
                                    .with(GapStatus.EXPECTED, "maintenance"));
        }
        String byQueue = run(0, "--data-dir", dir.toString(), "--queue", "q-1");
        assertThat(byQueue)
                .startsWith("queue q-1\n")
                .contains("BTCUSDT klines 1m: covered 1d 00h 00m 00s")
                .contains("1 expected")
                .contains("[2024-01-01T00:10:00Z .. 2024-01-01T00:20:00Z)  expected maintenance");
        String byRange = run(0, "--data-dir", dir.toString(), "--range", "2024-01-01:2024-01-02");
        assertThat(byRange).contains("(50.00% of [2024-01-01T00:00:00Z .. 2024-01-03T00:00:00Z))");
        assertThat(run(0, "--data-dir", dir.toString(), "--queue", "nobody"))
                .contains("no coverage recorded");
    }

    @Test
    void badInputIsNamedAndExitsWith2() throws Exception {
        assertThat(run(2, "--frobnicate", "1")).contains("Unknown options: '--frobnicate'");
        assertThat(run(2, "--range")).contains("Missing required parameter for option '--range'");
        assertThat(run(2, "--range", "2024-13-01:2024-01-01"))
                .contains("--range", "'2024-13-01:2024-01-01' is not a day range");
        Path empty = Files.createTempDirectory("sf-coverage-empty");
        assertThat(run(2, "--data-dir", empty.toString()))
                .contains("no local PostgreSQL in " + empty.resolve("postgres"));
    }

    static String run(int expectedCode, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "coverage";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.of(all);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(expectedCode);
        return r.out() + r.err();
    }
}
