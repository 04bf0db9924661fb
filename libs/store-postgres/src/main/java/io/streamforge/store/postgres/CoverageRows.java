package io.streamforge.store.postgres;

import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.LedgerRules;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of {@code coverage_received} and {@code coverage_gaps} (migration V4) to and from records:
 * selects sorted like every other adapter ({@link LedgerRules#RECEIVED_ORDER}/{@link
 * LedgerRules#GAP_ORDER}), and a rule's {@link LedgerRules.Change} applied as deletes and inserts.
 */
final class CoverageRows {
    /** The key columns as a condition with three parameters ({@link #setKey}). */
    static final String KEY = "symbol = ? AND stream = ? AND interval = ?";

    private static final String RECEIVED_COLUMNS =
            "symbol, stream, interval, source, queue_id, start_us, end_us";
    private static final String GAP_COLUMNS =
            "symbol, stream, interval, start_us, end_us, status, reason, first_id, last_id, queue_id";

    /** Sets the parameters of a condition after {@code WHERE}. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private CoverageRows() {}

    /** Binds a key's symbol, stream and interval to parameters {@code from..from+2}. */
    static void setKey(PreparedStatement ps, int from, CoverageKey key) throws SQLException {
        ps.setString(from, key.symbol().value());
        ps.setString(from + 1, key.stream().wire());
        ps.setString(from + 2, key.intervalCode());
    }

    /** The received ranges matching {@code where} (starts with a blank), sorted. */
    static List<Received> received(Connection c, String where, Binder binder) throws SQLException {
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

    /** The gaps matching {@code where} (starts with a blank), sorted. */
    static List<Gap> gaps(Connection c, String where, Binder binder) throws SQLException {
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

    /** Deletes the removed received ranges (by key, source, queue and start), inserts the added. */
    static void applyReceived(Connection c, LedgerRules.Change<Received> change)
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

    /** Deletes the removed gaps (by key and start), inserts the added. */
    static void applyGaps(Connection c, LedgerRules.Change<Gap> change) throws SQLException {
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
}
