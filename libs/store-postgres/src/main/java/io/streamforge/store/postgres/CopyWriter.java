package io.streamforge.store.postgres;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows to a {@code COPY … FROM STDIN (FORMAT text)}: tab-separated fields, backslash
 * escapes, decimals in plain notation, booleans as {@code t/f}. Buffers about 64 KiB per write.
 */
final class CopyWriter {
    private static final int FLUSH_CHARS = 1 << 16;

    private final CopyIn copyIn;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);
    private boolean firstField = true;

    CopyWriter(CopyIn copyIn) {
        this.copyIn = copyIn;
    }

    CopyWriter text(String value) {
        separator();
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(ch);
            }
        }
        return this;
    }

    CopyWriter number(long value) {
        separator();
        buffer.append(value);
        return this;
    }

    CopyWriter decimal(BigDecimal value) {
        separator();
        buffer.append(value.toPlainString());
        return this;
    }

    CopyWriter bool(boolean value) {
        separator();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        firstField = true;
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    /** Sends what is buffered and ends the COPY; returns the number of rows copied. */
    long finish() throws SQLException {
        flush();
        return copyIn.endCopy();
    }

    /** Aborts the COPY after a failure (the transaction is rolled back by the caller). */
    void cancel() {
        try {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection reports the original failure
        }
    }

    private void separator() {
        if (!firstField) {
            buffer.append('\t');
        }
        firstField = false;
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copyIn.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }
}
