package io.streamforge.store.postgres;

import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.LedgerRules;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.domain.port.CoverageLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * {@link CoverageLedger} on PostgreSQL (tables {@code coverage_received} and {@code coverage_gaps},
 * migration V4). Each write call is one transaction that first takes a transaction-scoped advisory
 * lock per key (in key order, so concurrent writers neither deadlock nor interleave), then applies
 * {@link LedgerRules} row by row: load the touching/overlapping rows, delete what the rule removes,
 * insert what it adds. An empty change writes nothing. Reads are sorted in Java with {@link
 * LedgerRules#RECEIVED_ORDER}/{@link LedgerRules#GAP_ORDER} (enum order, not the database
 * collation), like every other adapter.
 */
public final class PostgresCoverageLedger implements CoverageLedger {
    private static final String KEY = "symbol = ? AND stream = ? AND interval = ?";
    private static final String RECEIVED_COLUMNS =
            "symbol, stream, interval, source, queue_id, start_us, end_us";
    private static final String GAP_COLUMNS =
            "symbol, stream, interval, start_us, end_us, status, reason, first_id, last_id, queue_id";

    private final Jdbc jdbc;

    public PostgresCoverageLedger(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void record(Collection<Received> batch) {
        LedgerRules.checkBatch(batch, "received");
        if (batch.isEmpty()) {
            return;
        }
        jdbc.inTransaction(
                "record of " + batch.size() + " received range(s)",
                c -> {
                    lockKeys(c, batch.stream().map(Received::key).toList());
                    for (Received r : LedgerRules.coalesce(batch)) {
                        List<Received> touching =
                                receivedWhere(
                                        c,
                                        " WHERE "
                                                + KEY
                                                + " AND source = ? AND queue_id = ?"
                                                + " AND start_us <= ? AND end_us >= ?",
                                        ps -> {
                                            setKey(ps, 1, r.key());
                                            ps.setString(4, r.source().wire());
                                            ps.setString(5, r.queueId());
                                            ps.setLong(6, r.range().endUs());
                                            ps.setLong(7, r.range().startUs());
                                        });
                        apply(c, LedgerRules.absorb(touching, r));
                    }
                    return null;
                });
    }

    @Override
    public void recordGaps(Collection<Gap> batch) {
        LedgerRules.checkBatch(batch, "gaps");
        if (batch.isEmpty()) {
            return;
        }
        jdbc.inTransaction(
                "record of " + batch.size() + " gap(s)",
                c -> {
                    lockKeys(c, batch.stream().map(Gap::key).toList());
                    for (Gap g : batch) {
                        List<Gap> overlapping =
                                gapsWhere(
                                        c,
                                        " WHERE " + KEY + " AND start_us < ? AND end_us > ?",
                                        ps -> {
                                            setKey(ps, 1, g.key());
                                            ps.setLong(4, g.range().endUs());
                                            ps.setLong(5, g.range().startUs());
                                        });
                        applyGaps(c, LedgerRules.paint(overlapping, g));
                    }
                    return null;
                });
    }

    private static void lockKeys(Connection c, List<CoverageKey> keys) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 1301))")) {
            for (CoverageKey k : new TreeSet<>(keys)) {
                ps.setString(1, "coverage:" + k);
                ps.execute();
            }
        }
    }

    private static void apply(Connection c, LedgerRules.Change<Received> change)
            throws SQLException {
        try (PreparedStatement del =
                c.prepareStatement(
                        "DELETE FROM coverage_received WHERE "
                                + KEY
                                + " AND source = ? AND queue_id = ? AND start_us = ?")) {
            for (Received r : change.removed()) {
                setKey(del, 1, r.key());
                del.setString(4, r.source().wire());
                del.setString(5, r.queueId());
                del.setLong(6, r.range().startUs());
                del.executeUpdate();
            }
        }
        try (PreparedStatement ins =
                c.prepareStatement(
                        "INSERT INTO coverage_received ("
                                + RECEIVED_COLUMNS
                                + ") VALUES (?,?,?,?,?,?,?)")) {
            for (Received r : change.added()) {
                setKey(ins, 1, r.key());
                ins.setString(4, r.source().wire());
                ins.setString(5, r.queueId());
                ins.setLong(6, r.range().startUs());
                ins.setLong(7, r.range().endUs());
                ins.executeUpdate();
            }
        }
    }

    private static void applyGaps(Connection c, LedgerRules.Change<Gap> change)
            throws SQLException {
        try (PreparedStatement del =
                c.prepareStatement(
                        "DELETE FROM coverage_gaps WHERE " + KEY + " AND start_us = ?")) {
            for (Gap g : change.removed()) {
                setKey(del, 1, g.key());
                del.setLong(4, g.range().startUs());
                del.executeUpdate();
            }
        }
        try (PreparedStatement ins =
                c.prepareStatement(
                        "INSERT INTO coverage_gaps ("
                                + GAP_COLUMNS
                                + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Gap g : change.added()) {
                setKey(ins, 1, g.key());
                ins.setLong(4, g.range().startUs());
                ins.setLong(5, g.range().endUs());
                ins.setString(6, g.status().wire());
                ins.setString(7, g.reason());
                if (g.ids() == null) {
                    ins.setNull(8, Types.BIGINT);
                    ins.setNull(9, Types.BIGINT);
                } else {
                    ins.setLong(8, g.ids().firstId());
                    ins.setLong(9, g.ids().lastId());
                }
                ins.setString(10, g.queueId());
                ins.executeUpdate();
            }
        }
    }

    @Override
    public List<Received> received(CoverageKey key, TimeRange range) {
        return jdbc.read(
                "read of received ranges of " + key,
                c ->
                        receivedWhere(
                                c,
                                " WHERE " + KEY + " AND start_us < ? AND end_us > ?",
                                ps -> {
                                    setKey(ps, 1, key);
                                    ps.setLong(4, range.endUs());
                                    ps.setLong(5, range.startUs());
                                }));
    }

    @Override
    public List<Gap> gaps(CoverageKey key, TimeRange range, Set<GapStatus> statuses) {
        Objects.requireNonNull(statuses, "statuses");
        String[] wanted = statuses.stream().map(GapStatus::wire).toArray(String[]::new);
        return jdbc.read(
                "read of gaps of " + key,
                c ->
                        gapsWhere(
                                c,
                                " WHERE "
                                        + KEY
                                        + " AND start_us < ? AND end_us > ?"
                                        + " AND (cardinality(?::text[]) = 0 OR status = ANY(?::text[]))",
                                ps -> {
                                    setKey(ps, 1, key);
                                    ps.setLong(4, range.endUs());
                                    ps.setLong(5, range.startUs());
                                    ps.setArray(6, c.createArrayOf("text", wanted));
                                    ps.setArray(7, c.createArrayOf("text", wanted));
                                }));
    }

    @Override
    public List<CoverageKey> keys() {
        return jdbc.read(
                "read of coverage keys",
                c -> {
                    List<CoverageKey> out = new ArrayList<>();
                    try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "SELECT symbol, stream, interval FROM coverage_received"
                                                    + " UNION SELECT symbol, stream, interval"
                                                    + " FROM coverage_gaps");
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(
                                    CoverageKey.parse(
                                            rs.getString(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                    out.sort(null);
                    return out;
                });
    }

    @Override
    public List<Received> receivedOfQueue(String queueId) {
        Objects.requireNonNull(queueId, "queueId");
        return jdbc.read(
                "read of received ranges of queue " + queueId,
                c -> receivedWhere(c, " WHERE queue_id = ?", ps -> ps.setString(1, queueId)));
    }

    @Override
    public List<Gap> gapsOfQueue(String queueId) {
        Objects.requireNonNull(queueId, "queueId");
        return jdbc.read(
                "read of gaps of queue " + queueId,
                c -> gapsWhere(c, " WHERE queue_id = ?", ps -> ps.setString(1, queueId)));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static void setKey(PreparedStatement ps, int from, CoverageKey key)
            throws SQLException {
        ps.setString(from, key.symbol().value());
        ps.setString(from + 1, key.stream().wire());
        ps.setString(from + 2, key.intervalCode());
    }

    private static List<Received> receivedWhere(Connection c, String where, Binder binder)
            throws SQLException {
        List<Received> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT " + RECEIVED_COLUMNS + " FROM coverage_received" + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(
                            new Received(
                                    CoverageKey.parse(
                                            rs.getString(1), rs.getString(2), rs.getString(3)),
                                    new TimeRange(rs.getLong(6), rs.getLong(7)),
                                    Source.of(rs.getString(4)),
                                    rs.getString(5)));
                }
            }
        }
        out.sort(LedgerRules.RECEIVED_ORDER);
        return out;
    }

    private static List<Gap> gapsWhere(Connection c, String where, Binder binder)
            throws SQLException {
        List<Gap> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + GAP_COLUMNS + " FROM coverage_gaps" + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long firstId = rs.getLong(8);
                    IdRange ids = rs.wasNull() ? null : new IdRange(firstId, rs.getLong(9));
                    out.add(
                            new Gap(
                                    CoverageKey.parse(
                                            rs.getString(1), rs.getString(2), rs.getString(3)),
                                    new TimeRange(rs.getLong(4), rs.getLong(5)),
                                    GapStatus.of(rs.getString(6)),
                                    rs.getString(7),
                                    ids,
                                    rs.getString(10)));
                }
            }
        }
        out.sort(LedgerRules.GAP_ORDER);
        return out;
    }
}
