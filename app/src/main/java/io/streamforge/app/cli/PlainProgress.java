package io.streamforge.app.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain lines for logs: a line when a step changes status, and one per running step every {@code
 * intervalMs}; no cursor movement, so a CI log reads top to bottom.
 */
final class PlainProgress implements Progress {
    private final PrintStream out;
    private final long intervalNs;
    private final Map<String, String> lastStatus = new HashMap<>();
    private long lastPeriodicNs = System.nanoTime();

    PlainProgress(PrintStream out, long intervalMs) {
        this.out = out;
        this.intervalNs = intervalMs * 1_000_000L;
    }

    @Override
    public void show(List<Step> steps) {
        long now = System.nanoTime();
        boolean periodic = now - lastPeriodicNs >= intervalNs;
        if (periodic) {
            lastPeriodicNs = now;
        }
        for (Step s : steps) {
            boolean changed = !s.status().equals(lastStatus.put(s.name(), s.status()));
            if (changed || (periodic && s.status().equals("running"))) {
                print(s);
            }
        }
        out.flush();
    }

    @Override
    public void finish(List<Step> steps) {
        for (Step s : steps) {
            if (!s.status().equals(lastStatus.put(s.name(), s.status()))) {
                print(s);
            }
        }
        out.flush();
    }

    private void print(Step s) {
        out.println("  " + s.name() + " " + s.status() + ": " + Progress.numbers(s));
    }
}
