package io.streamforge.domain.coverage;

import io.streamforge.domain.Micros;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.CoverageLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain-text coverage report (for {@code streamforge coverage}): per key a header with the covered
 * time and gap counts, then the covered ranges with the credited source, then the gaps with status
 * and reason. Times are ISO-8601 UTC, ranges half-open {@code [start .. end)}.
 */
public final class CoverageReport {
    private CoverageReport() {}

    /** One-line entry: the queue-independent report of everything in {@code range}. */
    public static String render(CoverageLedger ledger, TimeRange range) {
        return render(ledger.report(range), range);
    }

    /** One-line entry: what one queue recorded. */
    public static String renderQueue(CoverageLedger ledger, String queueId) {
        String body = render(ledger.reportOfQueue(queueId), null);
        return "queue " + queueId + "\n" + body;
    }

    /** Renders views; {@code range} (may be {@code null}) adds the covered percentage. */
    public static String render(List<KeyCoverage> views, TimeRange range) {
        if (views.isEmpty()) {
            return "no coverage recorded\n";
        }
        StringBuilder out = new StringBuilder();
        for (KeyCoverage v : views) {
            out.append(header(v, range)).append('\n');
            for (SourcedRange s : v.credited()) {
                out.append(line("covered", s.range(), s.source().wire(), "")).append('\n');
            }
            for (Gap g : v.gaps()) {
                String ids = g.ids() == null ? "" : g.ids().toString();
                String why = g.reason().contains(ids) ? g.reason() : g.reason() + " [" + ids + "]";
                out.append(line("gap", g.range(), g.status().wire(), why)).append('\n');
            }
        }
        return out.toString();
    }

    private static String header(KeyCoverage v, TimeRange range) {
        List<TimeRange> covered = v.covered();
        StringBuilder h = new StringBuilder(v.key().toString()).append(": covered ");
        if (range == null) {
            h.append(duration(Ranges.totalUs(covered)));
        } else {
            List<TimeRange> inRange = new ArrayList<>();
            for (TimeRange c : covered) {
                Ranges.intersect(c, range).ifPresent(inRange::add);
            }
            long us = Ranges.totalUs(inRange);
            h.append(duration(us))
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    " (%.2f%% of %s)",
                                    100.0 * us / range.lengthUs(),
                                    span(range)));
        }
        h.append(", gaps: ");
        for (GapStatus s : GapStatus.values()) {
            h.append(v.gaps(s).size()).append(' ').append(s.wire());
            h.append(s.ordinal() < GapStatus.values().length - 1 ? ", " : "");
        }
        return h.toString();
    }

    private static String line(String what, TimeRange r, String tag, String text) {
        String base = String.format(Locale.ROOT, "  %-8s %s  %-8s", what, span(r), tag);
        return text.isEmpty() ? base.stripTrailing() : base + " " + text;
    }

    private static String span(TimeRange r) {
        return "[" + Micros.toInstant(r.startUs()) + " .. " + Micros.toInstant(r.endUs()) + ")";
    }

    /** E.g. {@code 2d 03h 00m 00s}, {@code 1m 00s}, {@code 0.000123s} for sub-second spans. */
    static String duration(long us) {
        long s = us / 1_000_000L;
        if (us == 0) {
            return "0s";
        }
        if (s == 0) {
            return String.format(Locale.ROOT, "%.6fs", us / 1e6);
        }
        long d = s / 86_400;
        long h = s % 86_400 / 3_600;
        long m = s % 3_600 / 60;
        long sec = s % 60;
        if (d > 0) {
            return String.format(Locale.ROOT, "%dd %02dh %02dm %02ds", d, h, m, sec);
        }
        if (h > 0) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", h, m, sec);
        }
        return m > 0 ? String.format(Locale.ROOT, "%dm %02ds", m, sec) : sec + "s";
    }
}
