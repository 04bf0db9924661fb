package io.streamforge.queuemanager.coverage;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.MissingRanges;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.queuemanager.Targets;
import io.streamforge.runtime.LoadRanges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resumed attempt of a REST loader step asks the coverage ledger first (ADR 3401): its job gets
 * LOAD_RANGES, per symbol the parts of TIME_RANGE that no source has stored yet, so it fetches only
 * those. Other targets, and a loader whose ledger cannot be read, keep their job as planned (the
 * whole range: more requests, the same data — the sinks are idempotent).
 */
public final class ResumeRanges implements UnaryOperator<JobSpec> {
    private static final Logger LOG = LoggerFactory.getLogger(ResumeRanges.class);

    /** Ranges per symbol at most (smaller holes between are closed): the variable stays small. */
    static final int MAX_RANGES_PER_SYMBOL = 200;

    private final CoverageLedger ledger;
    private final TimeSource time;

    public ResumeRanges(CoverageLedger ledger, TimeSource time) {
        this.ledger = ledger;
        this.time = time;
    }

    @Override
    public JobSpec apply(JobSpec job) {
        boolean candles = job.target().equals(Targets.CANDLES);
        if (!candles && !job.target().equals(Targets.TRADES)) {
            return job;
        }
        Map<String, String> env = job.env();
        try {
            TimeRange range = TimeRange.parseDays(env.get("TIME_RANGE"));
            Interval interval = candles ? Interval.of(env.getOrDefault("INTERVAL", "1m")) : null;
            long nowUs = time.nowUs();
            // the candle open now (or trades still arriving) is always fetched again
            long cutUs = candles ? interval.openTimeOf(nowUs) : nowUs;
            Map<Symbol, List<TimeRange>> missing = new LinkedHashMap<>();
            for (String s : env.getOrDefault("SYMBOLS", "").split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                Symbol symbol = Symbol.of(s.strip());
                CoverageKey key =
                        candles
                                ? CoverageKey.klines(symbol, interval)
                                : CoverageKey.aggTrades(symbol);
                missing.put(
                        symbol, MissingRanges.of(ledger, key, range, cutUs, MAX_RANGES_PER_SYMBOL));
            }
            Map<String, String> out = new LinkedHashMap<>(env);
            out.put("LOAD_RANGES", new LoadRanges(missing).wire());
            LOG.info(
                    "{}: {} range(s) still to load by the coverage ledger",
                    job.jobName(),
                    missing.values().stream().mapToInt(List::size).sum());
            return new JobSpec(
                    job.queueId(),
                    job.telemetryId(),
                    job.target(),
                    job.jobName(),
                    job.image(),
                    out);
        } catch (RuntimeException e) {
            LOG.warn(
                    "{}: coverage ledger not readable ({}); it loads its whole range",
                    job.jobName(),
                    e.toString());
            return job;
        }
    }
}
