package io.streamforge.runtime;

import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * LOAD_RANGES (ADR 3401): per symbol, the parts of TIME_RANGE a loader still has to fetch, as the
 * queue-manager computes them from the coverage ledger when it resumes a queue. Wire form: {@code
 * SYMBOL=startUs-endUs,startUs-endUs;SYMBOL=} (µs, half-open; an empty list = nothing to load). A
 * symbol the variable does not name loads the whole TIME_RANGE.
 */
public record LoadRanges(Map<Symbol, List<TimeRange>> bySymbol) {
    /** No LOAD_RANGES: every symbol loads the whole range. */
    public static final LoadRanges ALL = new LoadRanges(Map.of());

    public LoadRanges {
        Map<Symbol, List<TimeRange>> copy = new LinkedHashMap<>();
        bySymbol.forEach((s, r) -> copy.put(s, List.copyOf(r)));
        bySymbol = java.util.Collections.unmodifiableMap(copy);
    }

    /** The ranges {@code symbol} loads: those named for it, or all of {@code whole}. */
    public List<TimeRange> of(Symbol symbol, TimeRange whole) {
        return bySymbol.getOrDefault(symbol, List.of(whole));
    }

    /** Parses the wire form; a clear message for anything else. */
    public static LoadRanges parse(String text) {
        Map<Symbol, List<TimeRange>> out = new LinkedHashMap<>();
        for (String part : text.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "expected SYMBOL=startUs-endUs,...;SYMBOL=..., got '" + part + "'");
            }
            Symbol symbol = Symbol.of(part.substring(0, eq).strip());
            List<TimeRange> ranges = new ArrayList<>();
            String list = part.substring(eq + 1).strip();
            for (String range : list.isEmpty() ? new String[0] : list.split(",")) {
                ranges.add(range(symbol, range.strip()));
            }
            if (out.put(symbol, ranges) != null) {
                throw new IllegalArgumentException(symbol + " named twice");
            }
        }
        return new LoadRanges(out);
    }

    private static TimeRange range(Symbol symbol, String text) {
        String[] ab = text.split("-", -1);
        try {
            if (ab.length == 2) {
                return new TimeRange(Long.parseLong(ab[0]), Long.parseLong(ab[1]));
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException, or an end not after the start: the message below
        }
        throw new IllegalArgumentException(
                symbol + ": expected startUs-endUs (end after start), got '" + text + "'");
    }

    /** The wire form ({@link #parse} reads it back). */
    public String wire() {
        StringJoiner out = new StringJoiner(";");
        bySymbol.forEach(
                (s, ranges) -> {
                    StringJoiner list = new StringJoiner(",");
                    ranges.forEach(r -> list.add(r.startUs() + "-" + r.endUs()));
                    out.add(s.value() + "=" + list);
                });
        return out.toString();
    }
}
