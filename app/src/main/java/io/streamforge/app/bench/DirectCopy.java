package io.streamforge.app.bench;

import io.streamforge.domain.Market;
import io.streamforge.domain.RecordKeys;
import io.streamforge.domain.Symbol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * What a user scripts by hand: unzip each daily aggTrades archive and stream its CSV rows into
 * {@code COPY agg_trades (...) FROM STDIN (FORMAT csv)} — one COPY per file, each row given the
 * table's key and symbol columns and the time in µs on the way (the {@code awk} of {@code unzip -p
 * | awk | psql}). No checksum check, no validation, no duplicates handling: a re-run fails on the
 * primary key.
 */
final class DirectCopy {
    static final String SQL =
            "COPY agg_trades (key, symbol, agg_id, price, qty, first_trade_id, last_trade_id,"
                    + " time_us, buyer_maker, best_match, invalidated) FROM STDIN (FORMAT csv)";
    private static final int CHUNK_CHARS = 1 << 20;

    private DirectCopy() {}

    /** Copies one archive; returns the rows copied. */
    static long copy(DataSource ds, Path zip, Symbol symbol) {
        try (Connection c = ds.getConnection();
                ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e = in.getNextEntry();
            if (e == null) {
                throw new IllegalStateException("empty archive " + zip);
            }
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 4096);
            long rows = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
                    continue; // a header line (newer archives have one)
                }
                row(chunk, symbol, line);
                rows++;
                if (chunk.length() >= CHUNK_CHARS) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            long copied = copy.endCopy();
            if (copied != rows) {
                throw new IllegalStateException("COPY took " + copied + " of " + rows + " rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of " + zip + ": " + e.getMessage(), e);
        }
    }

    /** {@code id,price,qty,first,last,time,maker,best} → the table's columns. */
    static void row(StringBuilder out, Symbol symbol, String csv) {
        String[] f = csv.split(",", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("expected 8 aggTrades columns: " + csv);
        }
        long time = Long.parseLong(f[5]);
        long timeUs = time < 10_000_000_000_000L ? time * 1_000 : time; // ms before 2025
        boolean invalidated =
                f[3].equals("-1") && f[4].equals("-1") && isZero(f[1]) && isZero(f[2]);
        out.append(RecordKeys.aggTrade(Market.SPOT, symbol, Long.parseLong(f[0])))
                .append(',')
                .append(symbol.value())
                .append(',')
                .append(f[0])
                .append(',')
                .append(f[1])
                .append(',')
                .append(f[2])
                .append(',')
                .append(f[3])
                .append(',')
                .append(f[4])
                .append(',')
                .append(timeUs)
                .append(',')
                .append(f[6])
                .append(',')
                .append(f[7])
                .append(',')
                .append(invalidated)
                .append('\n');
    }

    private static boolean isZero(String decimal) {
        for (int i = 0; i < decimal.length(); i++) {
            char ch = decimal.charAt(i);
            if (ch != '0' && ch != '.') {
                return false;
            }
        }
        return true;
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] b = chunk.toString().getBytes(StandardCharsets.US_ASCII);
        copy.writeToCopy(b, 0, b.length);
        chunk.setLength(0);
    }
}
