package io.streamforge.store.postgres;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.domain.port.IndicatorStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@link IndicatorStore} on PostgreSQL (table {@code indicator_values}, migration V3). A batch is
 * validated, de-duplicated by key (last non-NaN value wins), sorted by key (so overlapping
 * concurrent batches lock rows in the same order) and written in one transaction as array-bound
 * {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE … WHERE value IS DISTINCT FROM}
 * statements of {@link #CHUNK} rows: identical re-writes create no new row versions.
 */
public final class PostgresIndicatorStore implements IndicatorStore {
    /** Rows per INSERT statement. */
    static final int CHUNK = 10_000;

    private static final Comparator<IndicatorValue> KEY_ORDER =
            Comparator.comparing((IndicatorValue v) -> v.symbol().value())
                    .thenComparing(v -> v.interval().code())
                    .thenComparing(IndicatorValue::name)
                    .thenComparingLong(IndicatorValue::openTimeUs);
    private static final String UPSERT =
            "INSERT INTO indicator_values (symbol, interval, name, open_time_us, value)"
                    + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[],"
                    + " ?::float8[])"
                    + " ON CONFLICT (symbol, interval, name, open_time_us) DO UPDATE"
                    + " SET value = EXCLUDED.value, updated_at = now()"
                    + " WHERE indicator_values.value IS DISTINCT FROM EXCLUDED.value";

    private final Jdbc jdbc;

    public PostgresIndicatorStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public long upsert(Collection<IndicatorValue> values) {
        Objects.requireNonNull(values, "values");
        Map<String, IndicatorValue> byKey = new HashMap<>();
        int i = 0;
        for (IndicatorValue v : values) {
            if (v == null) {
                throw new IllegalArgumentException("values[" + i + "]: null value in batch");
            }
            if (v.present()) {
                byKey.put(v.key(), v);
            }
            i++;
        }
        if (byKey.isEmpty()) {
            return 0;
        }
        List<IndicatorValue> rows = new ArrayList<>(byKey.values());
        rows.sort(KEY_ORDER);
        jdbc.inTransaction(
                "upsert of " + rows.size() + " indicator values",
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                        for (int from = 0; from < rows.size(); from += CHUNK) {
                            bind(c, ps, rows.subList(from, Math.min(rows.size(), from + CHUNK)));
                            ps.executeUpdate();
                        }
                    }
                    return null;
                });
        return rows.size();
    }

    private static void bind(Connection c, PreparedStatement ps, List<IndicatorValue> chunk)
            throws SQLException {
        int n = chunk.size();
        String[] symbols = new String[n];
        String[] intervals = new String[n];
        String[] names = new String[n];
        Long[] times = new Long[n];
        Double[] values = new Double[n];
        for (int i = 0; i < n; i++) {
            IndicatorValue v = chunk.get(i);
            symbols[i] = v.symbol().value();
            intervals[i] = v.interval().code();
            names[i] = v.name();
            times[i] = v.openTimeUs();
            values[i] = v.value();
        }
        ps.setArray(1, c.createArrayOf("text", symbols));
        ps.setArray(2, c.createArrayOf("text", intervals));
        ps.setArray(3, c.createArrayOf("text", names));
        ps.setArray(4, c.createArrayOf("int8", times));
        ps.setArray(5, c.createArrayOf("float8", values));
    }

    @Override
    public List<IndicatorValue> values(
            Symbol symbol, Interval interval, String name, TimeRange range) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        IndicatorValue.checkName(name);
        Objects.requireNonNull(range, "range");
        return jdbc.read(
                "read of " + name + " of " + symbol + " " + interval.code(),
                c -> {
                    List<IndicatorValue> out = new ArrayList<>();
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT open_time_us, value FROM indicator_values"
                                            + " WHERE symbol = ? AND interval = ? AND name = ?"
                                            + " AND open_time_us >= ? AND open_time_us < ?"
                                            + " ORDER BY open_time_us")) {
                        ps.setString(1, symbol.value());
                        ps.setString(2, interval.code());
                        ps.setString(3, name);
                        ps.setLong(4, range.startUs());
                        ps.setLong(5, range.endUs());
                        ps.setFetchSize(10_000);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(
                                        new IndicatorValue(
                                                symbol,
                                                interval,
                                                rs.getLong(1),
                                                name,
                                                rs.getDouble(2)));
                            }
                        }
                    }
                    return out;
                });
    }

    /** Distinct names by a loose index scan over the primary key (one probe per name). */
    @Override
    public List<String> names(Symbol symbol, Interval interval) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        String probe =
                "SELECT name FROM indicator_values WHERE symbol = ? AND interval = ?"
                        + " AND name > ? ORDER BY name LIMIT 1";
        return jdbc.read(
                "names of indicators of " + symbol + " " + interval.code(),
                c -> {
                    List<String> out = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement(probe)) {
                        String last = "";
                        while (true) {
                            ps.setString(1, symbol.value());
                            ps.setString(2, interval.code());
                            ps.setString(3, last);
                            try (ResultSet rs = ps.executeQuery()) {
                                if (!rs.next()) {
                                    break;
                                }
                                last = rs.getString(1);
                                out.add(last);
                            }
                        }
                    }
                    out.sort(null);
                    return out;
                });
    }
}
