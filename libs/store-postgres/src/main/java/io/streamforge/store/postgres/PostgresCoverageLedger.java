package io.streamforge.store.postgres;

import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.LedgerRules;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.port.CoverageLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * insert what it adds ({@link CoverageRows} maps the rows). An empty change writes nothing. Reads
 * are sorted in Java with {@link LedgerRules#RECEIVED_ORDER}/{@link LedgerRules#GAP_ORDER} (enum
 * order, not the database collation), like every other adapter.
 */
public final class PostgresCoverageLedger implements CoverageLedger {
    private static final String KEY = CoverageRows.KEY;

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
                                CoverageRows.received(
                                        c,
                                        " WHERE "
                                                + KEY
                                                + " AND source = ? AND queue_id = ?"
                                                + " AND start_us <= ? AND end_us >= ?",
                                        ps -> {
                                            CoverageRows.setKey(ps, 1, r.key());
                                            ps.setString(4, r.source().wire());
                                            ps.setString(5, r.queueId());
                                            ps.setLong(6, r.range().endUs());
                                            ps.setLong(7, r.range().startUs());
                                        });
                        CoverageRows.applyReceived(c, LedgerRules.absorb(touching, r));
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
                                CoverageRows.gaps(
                                        c,
                                        " WHERE " + KEY + " AND start_us < ? AND end_us > ?",
                                        ps -> {
                                            CoverageRows.setKey(ps, 1, g.key());
                                            ps.setLong(4, g.range().endUs());
                                            ps.setLong(5, g.range().startUs());
                                        });
                        CoverageRows.applyGaps(c, LedgerRules.paint(overlapping, g));
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

    @Override
    public List<Received> received(CoverageKey key, TimeRange range) {
        return jdbc.read(
                "read of received ranges of " + key,
                c ->
                        CoverageRows.received(
                                c,
                                " WHERE " + KEY + " AND start_us < ? AND end_us > ?",
                                ps -> {
                                    CoverageRows.setKey(ps, 1, key);
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
                        CoverageRows.gaps(
                                c,
                                " WHERE "
                                        + KEY
                                        + " AND start_us < ? AND end_us > ?"
                                        + " AND (cardinality(?::text[]) = 0 OR status = ANY(?::text[]))",
                                ps -> {
                                    CoverageRows.setKey(ps, 1, key);
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
                c ->
                        CoverageRows.received(
                                c, " WHERE queue_id = ?", ps -> ps.setString(1, queueId)));
    }

    @Override
    public List<Gap> gapsOfQueue(String queueId) {
        Objects.requireNonNull(queueId, "queueId");
        return jdbc.read(
                "read of gaps of queue " + queueId,
                c -> CoverageRows.gaps(c, " WHERE queue_id = ?", ps -> ps.setString(1, queueId)));
    }
}
