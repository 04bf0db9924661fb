package io.streamforge.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed indicator request such as {@code RSI:14}, {@code BBANDS:20:2}, {@code MACD:12:26:9},
 * {@code VWAP:DAY} or {@code OBV}. Names are case-insensitive; parameters are canonicalised (so
 * {@code bbands:20:2.0} becomes {@code BBANDS:20:2}). Output columns are {@code
 * NAME_PARAM1_PARAM2[_PART]}.
 */
public record IndicatorSpec(Kind kind, List<String> params) {

    /** Supported indicators with their parameter shapes. */
    public enum Kind {
        SMA("SMA:period", List.of()),
        EMA("EMA:period", List.of()),
        WMA("WMA:period", List.of()),
        RSI("RSI:period", List.of()),
        TRANGE("TRANGE", List.of()),
        ATR("ATR:period", List.of()),
        NATR("NATR:period", List.of()),
        STDDEV("STDDEV:period[:deviations]", List.of()),
        BBANDS("BBANDS:period:deviations", List.of("UPPER", "MIDDLE", "LOWER")),
        MACD("MACD:fast:slow:signal", List.of("", "SIGNAL", "HIST")),
        OBV("OBV", List.of()),
        VWAP("VWAP:period | VWAP:DAY", List.of()),
        RVOL("RVOL:period", List.of());

        private final String usage;
        private final List<String> parts;

        Kind(String usage, List<String> parts) {
            this.usage = usage;
            this.parts = parts;
        }

        public String usage() {
            return usage;
        }
    }

    public IndicatorSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(params, "params");
        String text = kind + (params.isEmpty() ? "" : ":" + String.join(":", params));
        params = List.copyOf(canonical(kind, params, text));
    }

    /** Parses {@code NAME[:p1[:p2...]]}; errors name the problem and show the expected form. */
    public static IndicatorSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty indicator spec");
        }
        String[] tokens = text.trim().split(":", -1);
        Kind kind = kindOf(tokens[0].trim(), text);
        List<String> raw = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            raw.add(tokens[i].trim());
        }
        return new IndicatorSpec(kind, raw);
    }

    /** Parses several specs (for a CLI that repeats {@code --indicator}). */
    public static List<IndicatorSpec> parseAll(List<String> texts) {
        return texts.stream().map(IndicatorSpec::parse).toList();
    }

    private static Kind kindOf(String name, String text) {
        try {
            return Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown indicator '"
                            + name
                            + "' in '"
                            + text
                            + "': expected one of "
                            + Arrays.toString(Kind.values()),
                    e);
        }
    }

    private static List<String> canonical(Kind kind, List<String> raw, String text) {
        int n = raw.size();
        switch (kind) {
            case TRANGE, OBV -> count(kind, n, 0, 0, text);
            case SMA, EMA, WMA, RSI, ATR, NATR, RVOL -> count(kind, n, 1, 1, text);
            case STDDEV -> count(kind, n, 1, 2, text);
            case BBANDS -> count(kind, n, 2, 2, text);
            case MACD -> count(kind, n, 3, 3, text);
            case VWAP -> {
                count(kind, n, 1, 1, text);
                if (raw.get(0).equalsIgnoreCase("DAY")) {
                    return List.of("DAY");
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean multiplier = (kind == Kind.BBANDS || kind == Kind.STDDEV) && i == 1;
            out.add(multiplier ? multiplier(raw.get(i), text) : period(raw.get(i), text));
        }
        return out;
    }

    private static void count(Kind kind, int n, int min, int max, String text) {
        if (n < min || n > max) {
            throw new IllegalArgumentException(
                    "wrong parameter count for "
                            + kind
                            + " in '"
                            + text
                            + "': got "
                            + n
                            + ", expected "
                            + kind.usage);
        }
    }

    private static String period(String token, String text) {
        int value;
        try {
            value = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "period '" + token + "' in '" + text + "' is not an integer", e);
        }
        if (value < 1 || value > Periods.MAX) {
            throw new IllegalArgumentException(
                    "period "
                            + value
                            + " in '"
                            + text
                            + "' must be positive (1.."
                            + Periods.MAX
                            + ")");
        }
        return Integer.toString(value);
    }

    private static String multiplier(String token, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "deviations '" + token + "' in '" + text + "' is not a number", e);
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(
                    "deviations " + token + " in '" + text + "' must be positive");
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** Integer parameter {@code i} (0-based). */
    public int intParam(int i) {
        return Integer.parseInt(params.get(i));
    }

    /** Decimal parameter {@code i}, or {@code fallback} when absent. */
    public double doubleParam(int i, double fallback) {
        return i < params.size() ? Double.parseDouble(params.get(i)) : fallback;
    }

    /** True for {@code VWAP:DAY}. */
    public boolean daily() {
        return kind == Kind.VWAP && params.equals(List.of("DAY"));
    }

    /** Column prefix, e.g. {@code BBANDS_20_2}. */
    public String baseName() {
        return params.isEmpty() ? kind.name() : kind.name() + "_" + String.join("_", params);
    }

    /** Output column names in part order, e.g. {@code MACD_12_26_9, …_SIGNAL, …_HIST}. */
    public List<String> columns() {
        if (kind.parts.isEmpty()) {
            return List.of(baseName());
        }
        return kind.parts.stream()
                .map(p -> p.isEmpty() ? baseName() : baseName() + "_" + p)
                .toList();
    }

    /** Canonical text form, e.g. {@code BBANDS:20:2}. */
    @Override
    public String toString() {
        return params.isEmpty() ? kind.name() : kind.name() + ":" + String.join(":", params);
    }
}
