package io.streamforge.app.cli;

import java.io.PrintStream;
import java.util.List;

/** A bar per step, redrawn in place with ANSI cursor movement (at most 5 times a second). */
final class TerminalProgress implements Progress {
    private static final int BAR = 24;
    private static final long REDRAW_NS = 200_000_000L;

    private final PrintStream out;
    private int drawn;
    private long lastNs;

    TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void show(List<Step> steps) {
        long now = System.nanoTime();
        if (drawn > 0 && now - lastNs < REDRAW_NS) {
            return;
        }
        lastNs = now;
        draw(steps);
    }

    @Override
    public void finish(List<Step> steps) {
        draw(steps);
        drawn = 0;
    }

    private void draw(List<Step> steps) {
        StringBuilder b = new StringBuilder();
        if (drawn > 0) {
            b.append("\033[").append(drawn).append('F'); // to the first line drawn last time
        }
        int width = steps.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (Step s : steps) {
            b.append("\033[2K  ")
                    .append(String.format("%-" + width + "s ", s.name()))
                    .append(bar(s))
                    .append(' ')
                    .append(String.format("%-9s ", s.status()))
                    .append(Progress.numbers(s))
                    .append('\n');
        }
        out.print(b);
        out.flush();
        drawn = steps.size();
    }

    /** {@code [#########...........]}; a moving block when the total is unknown. */
    static String bar(Step s) {
        char[] c = new char[BAR];
        java.util.Arrays.fill(c, '·');
        double f = s.fraction();
        if (f >= 0) {
            java.util.Arrays.fill(c, 0, (int) Math.round(f * BAR), '█');
        } else if (s.status().equals("running")) {
            int at = (int) ((System.nanoTime() / 150_000_000L) % BAR);
            c[at] = '█';
        } else if (s.status().equals("finished")) {
            java.util.Arrays.fill(c, '█');
        }
        return "[" + new String(c) + "]";
    }
}
