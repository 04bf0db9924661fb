package io.streamforge.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table for summaries: numbers right-aligned with thousands separators, text
 * left-aligned, a rule under the header.
 */
public final class Table {
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?");

    private final List<String> headers;
    private final List<Object[]> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row of as many cells as headers; numbers are formatted, null shows as {@code -}. */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, each line ending with a newline. */
    public String render() {
        int n = headers.size();
        String[][] text = new String[rows.size()][n];
        boolean[] right = new boolean[n];
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = headers.get(c).length();
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < n; c++) {
                Object v = rows.get(r)[c];
                text[r][c] = cell(v);
                right[c] |= v instanceof Number || NUMBER.matcher(text[r][c]).matches();
                width[c] = Math.max(width[c], text[r][c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, headers.toArray(String[]::new), width, right);
        String[] rule = new String[n];
        for (int c = 0; c < n; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        line(b, rule, width, right);
        for (String[] r : text) {
            line(b, r, width, right);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String[] cells, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder("  ");
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(width[c] - cells[c].length());
            l.append(right[c] ? pad + cells[c] : cells[c] + pad).append("  ");
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private static String cell(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Long
                || v instanceof Integer
                || v instanceof Short
                || v instanceof java.math.BigInteger) {
            return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return String.format(Locale.ROOT, "%,.3f", n.doubleValue());
        }
        return v.toString();
    }
}
