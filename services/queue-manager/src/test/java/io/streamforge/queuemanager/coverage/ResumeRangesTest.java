package io.streamforge.queuemanager.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.runtime.LoadRanges;
import io.streamforge.testkit.InMemoryCoverageLedger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LOAD_RANGES of a resumed loader job from the (honest in-memory) coverage ledger. */
class ResumeRangesTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final Symbol ETH = Symbol.of("ETHUSDT");
    static final Symbol SOL = Symbol.of("SOLUSDT");
    static final TimeRange DAYS = TimeRange.parseDays("2024-01-01:2024-01-02");
    static final long DAY = 86_400_000_000L;
    static final long MIN = 60_000_000L;
    final InMemoryCoverageLedger ledger = new InMemoryCoverageLedger();

    static JobSpec job(String target, String interval) {
        Map<String, String> env =
                interval == null
                        ? Map.of(
                                "TIME_RANGE",
                                "2024-01-01:2024-01-02",
                                "SYMBOLS",
                                "BTCUSDT,ETHUSDT,SOLUSDT")
                        : Map.of(
                                "TIME_RANGE",
                                "2024-01-01:2024-01-02",
                                "SYMBOLS",
                                "BTCUSDT,ETHUSDT,SOLUSDT",
                                "INTERVAL",
                                interval);
        return new JobSpec("q", target + "__q", target, target + "-q-r2", "", env);
    }

    static LoadRanges loadRanges(JobSpec j) {
        return LoadRanges.parse(j.env().get("LOAD_RANGES"));
    }

    @Test
    void aResumedCandlesLoaderLoadsWhatNoSourceStoredMinusExpectedGaps() {
        long start = DAYS.startUs();
        CoverageKey btc = CoverageKey.klines(BTC, Interval.M1);
        ledger.record(new Received(btc, new TimeRange(start, start + DAY / 2), Source.REST, "q"));
        ledger.record(
                new Received(
                        btc, new TimeRange(start + DAY, start + DAY + MIN), Source.DUMP, "other"));
        CoverageKey sol = CoverageKey.klines(SOL, Interval.M1);
        ledger.record(new Received(sol, DAYS, Source.REST, "q"));
        ledger.recordGap(
                Gap.missing(btc, new TimeRange(start + DAY / 2, start + DAY / 2 + MIN), "m", "q")
                        .with(GapStatus.EXPECTED, "maintenance"));
        ledger.record(new Received(CoverageKey.klines(ETH, Interval.H1), DAYS, Source.REST, "q"));

        LoadRanges r =
                loadRanges(
                        new ResumeRanges(ledger, () -> DAYS.endUs() + DAY)
                                .apply(job("loader-api-candles", "1m")));

        assertThat(r.of(BTC, DAYS))
                .containsExactly(
                        new TimeRange(start + DAY / 2 + MIN, start + DAY),
                        new TimeRange(start + DAY + MIN, DAYS.endUs()));
        assertThat(r.of(ETH, DAYS)).as("1h is another key").containsExactly(DAYS);
        assertThat(r.of(SOL, DAYS)).isEmpty();
    }

    @Test
    void theCandleOpenNowIsFetchedAgainWhateverTheLedgerSays() {
        CoverageKey btc = CoverageKey.klines(BTC, Interval.M1);
        ledger.record(new Received(btc, DAYS, Source.REST, "q"));
        long now = DAYS.startUs() + DAY + 30 * MIN + 5;
        LoadRanges r =
                loadRanges(
                        new ResumeRanges(ledger, () -> now).apply(job("loader-api-candles", null)));
        assertThat(r.of(BTC, DAYS))
                .containsExactly(new TimeRange(DAYS.startUs() + DAY + 30 * MIN, DAYS.endUs()));
    }

    @Test
    void tradesUseTheAggTradesKeyOtherTargetsAndAnUnreadableLedgerKeepThePlannedJob() {
        ledger.record(new Received(CoverageKey.aggTrades(ETH), DAYS, Source.REST, "q"));
        ResumeRanges resume = new ResumeRanges(ledger, () -> DAYS.endUs() + DAY);
        LoadRanges r = loadRanges(resume.apply(job("loader-api-trades", null)));
        assertThat(r.of(ETH, DAYS)).isEmpty();
        assertThat(r.of(BTC, DAYS)).containsExactly(DAYS);

        JobSpec connector = job("arango-connector", null);
        assertThat(resume.apply(connector)).isSameAs(connector);
        JobSpec badRange =
                new JobSpec("q", "t", "loader-api-candles", "j", "", Map.of("SYMBOLS", "BTCUSDT"));
        assertThat(resume.apply(badRange)).as("no TIME_RANGE: as planned").isSameAs(badRange);
    }
}
