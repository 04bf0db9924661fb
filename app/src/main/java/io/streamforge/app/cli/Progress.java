package io.streamforge.app.cli;

import java.util.List;
import java.util.Locale;

/**
 * Progress of long work, one entry per step: a bar per step with records/s and ETA on a terminal
 * ({@link TerminalProgress}), plain periodic lines when the output is a file or a CI log ({@link
 * PlainProgress}). {@code STREAMFORGE_PROGRESS=bar|lines} overrides the detection.
 */
public interface Progress {
    /**
     * One step: {@code total} -1 when unknown (no percentage, no ETA); {@code seconds} how long it
     * has been running.
     */
    record Step(String name, String status, long done, long total, double seconds) {
        /** Records per second so far (0 before the first second's worth of data). */
        public double rate() {
            return seconds > 0 ? done / seconds : 0;
        }

        /** Seconds left at the current rate, or -1 when it cannot be told. */
        public double etaSeconds() {
            if (total <= 0 || done <= 0 || seconds <= 0 || !status.equals("running")) {
                return -1;
            }
            return Math.max(0, total - done) / rate();
        }

        /** {@code 0..1}, or -1 when the total is unknown. */
        public double fraction() {
            return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        }
    }

    /** Shows the steps' current state (called often; implementations throttle). */
    void show(List<Step> steps);

    /** Shows the final state once. */
    void finish(List<Step> steps);

    /** The progress display for {@code ctx}'s standard output. */
    static Progress forOutput(CliContext ctx) {
        String mode = ctx.env().getOrDefault("STREAMFORGE_PROGRESS", "");
        boolean terminal =
                mode.equals("bar")
                        || (!mode.equals("lines")
                                && ctx.out() == System.out
                                && System.console() != null);
        return terminal ? new TerminalProgress(ctx.out()) : lines(ctx.out());
    }

    /** Plain periodic lines on {@code out} (every 10 s and on each status change). */
    static Progress lines(java.io.PrintStream out) {
        return new PlainProgress(out, 10_000);
    }

    /** {@code 118,800/216,000 (55%) 40,120 records/s ETA 3 s} and the like, for both displays. */
    static String numbers(Step s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%,d", s.done()));
        if (s.total() > 0) {
            b.append(
                    String.format(
                            Locale.ROOT, "/%,d (%d%%)", s.total(), Math.round(100 * s.fraction())));
        }
        b.append(" records");
        if (s.rate() > 0) {
            b.append(String.format(Locale.ROOT, ", %,.0f records/s", s.rate()));
        }
        double eta = s.etaSeconds();
        if (eta >= 0) {
            b.append(", ETA ").append(duration(eta));
        } else if (!s.status().equals("running") && s.seconds() > 0) {
            b.append(", ").append(duration(s.seconds()));
        }
        return b.toString();
    }

    /** {@code 4 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
