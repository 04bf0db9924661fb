package io.streamforge.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts metric names from a PromQL expression (good enough for our rules and dashboards). */
final class PromQl {
    private static final Set<String> KEYWORDS =
            Set.of(
                    "sum",
                    "min",
                    "max",
                    "avg",
                    "count",
                    "stddev",
                    "stdvar",
                    "topk",
                    "bottomk",
                    "quantile",
                    "count_values",
                    "group",
                    "by",
                    "without",
                    "on",
                    "ignoring",
                    "group_left",
                    "group_right",
                    "and",
                    "or",
                    "unless",
                    "bool",
                    "offset",
                    "rate",
                    "irate",
                    "increase",
                    "delta",
                    "idelta",
                    "deriv",
                    "histogram_quantile",
                    "abs",
                    "ceil",
                    "floor",
                    "round",
                    "clamp_min",
                    "clamp_max",
                    "label_replace",
                    "sum_over_time",
                    "avg_over_time",
                    "max_over_time",
                    "min_over_time",
                    "absent",
                    "vector",
                    "scalar",
                    "time",
                    "changes",
                    "resets",
                    "predict_linear",
                    "inf",
                    "nan");
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern BRACES = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern IDENT = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private PromQl() {}

    static Set<String> metricNames(String expr) {
        String s = STRINGS.matcher(expr).replaceAll(" ");
        s = BRACES.matcher(s).replaceAll(" ");
        s = RANGES.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            String id = m.group(1);
            int after = m.end();
            boolean isCall =
                    after < s.length() && s.substring(after).stripLeading().startsWith("(");
            if (!KEYWORDS.contains(id) && !isCall) {
                names.add(id);
            }
        }
        return names;
    }
}
