package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsing helpers behind the file tools: every error names the file, line and column, CSV rows
 * are read as RFC 4180 with the habits of real files, JSON is told from CSV by its first character.
 */
class FieldsTest {
    @TempDir Path dir;

    @Test
    void integersAreToldFromHeaders() {
        assertThat(Fields.isInteger("1704067200000")).isTrue();
        assertThat(Fields.isInteger("-5")).isTrue();
        assertThat(Fields.isInteger("")).isFalse();
        assertThat(Fields.isInteger("-")).isFalse();
        assertThat(Fields.isInteger("open_time")).isFalse();
        assertThat(Fields.isInteger("1.5")).isFalse();
    }

    @Test
    void numbersDecimalsAndBooleansNameWhereTheyFailed() {
        assertThat(Fields.parseLong("42", "f line 2", "id")).isEqualTo(42);
        assertThatThrownBy(() -> Fields.parseLong("4x", "f line 2", "id"))
                .hasMessage("f line 2: id '4x' is not an integer");
        assertThat(Fields.parseDouble("1e3", "w", "close")).isEqualTo(1000.0);
        assertThatThrownBy(() -> Fields.parseDouble("abc", "f line 3", "close"))
                .hasMessage("f line 3: close 'abc' is not a number");
        assertThatThrownBy(() -> Fields.parseDouble("NaN", "f line 3", "close"))
                .hasMessage("f line 3: close 'NaN' is not a finite number");
        assertThatThrownBy(() -> Fields.parseDouble("Infinity", "f line 3", "close"))
                .hasMessageContaining("not a finite number");
        assertThat(Fields.parseDecimal("0.01000000", "w", "price"))
                .isEqualTo(new BigDecimal("0.01"));
        assertThatThrownBy(() -> Fields.parseDecimal("1,5", "f line 4", "price"))
                .hasMessage("f line 4: price: not a decimal: '1,5'");
        assertThat(Fields.parseBoolean("True", "w", "m")).isTrue();
        assertThat(Fields.parseBoolean("false", "w", "m")).isFalse();
        assertThatThrownBy(() -> Fields.parseBoolean("yes", "f line 5", "is_buyer_maker"))
                .hasMessage("f line 5: is_buyer_maker 'yes' is not True or False");
    }

    @Test
    void csvRowsSkipBlankLinesAndTheByteOrderMarkAndKnowTheirLine() throws Exception {
        Path f =
                Files.writeString(
                        dir.resolve("t.csv"),
                        "\uFEFFid,note\r\n\r\n1,\"a, b\"\n2,\"two\nlines\"\n3, spaced \n");
        List<String> seen = new ArrayList<>();
        Fields.forEachCsvRow(
                f,
                (fields, where, first) ->
                        seen.add(
                                where.substring(where.lastIndexOf(' ') + 1)
                                        + ":"
                                        + first
                                        + ":"
                                        + String.join("|", fields)));
        assertThat(seen)
                .containsExactly(
                        "1:true:id|note",
                        "3:false:1|a, b",
                        "4:false:2|two\nlines",
                        "6:false:3|spaced");
    }

    @Test
    void anUnclosedQuoteIsAMalformedRowNamingItsLine() throws Exception {
        Path f = Files.writeString(dir.resolve("u.csv"), "id,price\n1,2\n\"2,3\n");
        assertThatThrownBy(() -> Fields.forEachCsvRow(f, (fields, where, first) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("u.csv line 3: malformed CSV");
    }

    @Test
    void jsonIsToldFromCsvByItsFirstCharacter() throws Exception {
        assertThat(Fields.looksLikeJson(Files.writeString(dir.resolve("a.json"), "\uFEFF \n [{}]")))
                .isTrue();
        assertThat(Fields.looksLikeJson(Files.writeString(dir.resolve("b.csv"), "id,price\n")))
                .isFalse();
        Path empty = Files.writeString(dir.resolve("e.csv"), " \n\t");
        assertThatThrownBy(() -> Fields.looksLikeJson(empty)).hasMessage(empty + ": empty file");
        assertThatThrownBy(() -> Fields.looksLikeJson(dir.resolve("missing.csv")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> Fields.open(dir.resolve("missing.csv")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read " + dir.resolve("missing.csv"));
    }
}
