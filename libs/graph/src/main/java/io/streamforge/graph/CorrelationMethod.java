package io.streamforge.graph;

import java.util.Locale;

/** Correlation coefficient. */
public enum CorrelationMethod {
    /** Pearson's product-moment correlation of the values. */
    PEARSON,
    /** Spearman's rank correlation: Pearson of the ranks, ties get the average of their ranks. */
    SPEARMAN;

    /** Lower-case name used on the command line and in stored graphs. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code pearson} or {@code spearman} (any case). */
    public static CorrelationMethod parse(String text) {
        if (text != null) {
            for (CorrelationMethod m : values()) {
                if (m.code().equalsIgnoreCase(text.trim())) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException(
                "method: expected pearson|spearman, got "
                        + (text == null ? "null" : "'" + text + "'"));
    }
}
