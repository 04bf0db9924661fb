package io.streamforge.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamforge.domain.Symbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelationCliTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Closes chosen so that BBB = AAA^2 (rho = 1 on log returns) and CCC = 1/AAA (rho = -1). */
    private static final String LONG_CSV =
            "Symbol,Open_Time,open,high,low,close,volume\n"
                    + "aaausdt,1675209600000,1,1,1,2,0\n"
                    + "BBBUSDT,1675209600000,1,1,1,4,0\n"
                    + "CCCUSDT,1675209600000,1,1,1,0.5,0\n"
                    + "\n"
                    + "AAAUSDT,1675213200000,1,1,1,3,0\n"
                    + "BBBUSDT,1675213200000,1,1,1,9,0\n"
                    + "CCCUSDT,1675213200000,1,1,1,0.25,0\n"
                    + "AAAUSDT,1675216800000,1,1,1,2.5,0\n"
                    + "BBBUSDT,1675216800000,1,1,1,6.25,0\n"
                    + "CCCUSDT,1675216800000,1,1,1,0.4,0\n"
                    + "AAAUSDT,1675220400000,1,1,1,5,0\n"
                    + "BBBUSDT,1675220400000,1,1,1,25,0\n"
                    + "CCCUSDT,1675220400000,1,1,1,0.2,0\n";

    @Test
    void runWritesMatrixAndMstCsv() throws IOException {
        // CCC row at hour 1 is 0.25 instead of 1/3: rho(AAA, CCC) is high but not -1
        Path in = write("in.csv", LONG_CSV);
        Path matrix = dir.resolve("m.csv");
        Path mst = dir.resolve("mst.csv");
        CorrelationCli.Result r = CorrelationCli.run(in, "pearson", matrix, mst);
        List<String> lines = Files.readAllLines(matrix);
        assertThat(lines.get(0)).isEqualTo("symbol,AAAUSDT,BBBUSDT,CCCUSDT");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("AAAUSDT,1.0,");
        assertThat(r.matrix().get(0, 1)).isCloseTo(1.0, within(1e-12));
        assertThat(r.matrix().get(0, 2)).isLessThan(-0.9);
        assertThat(Files.readAllLines(mst).get(0)).isEqualTo("source,target,rho,distance");
        assertThat(EdgesCsv.read(mst)).hasSize(2);
        assertThat(r.matrix().window().returnCount()).isEqualTo(3);
        assertThat(r.alignment().keptTimes()).isEqualTo(4);
    }

    @Test
    void mstIsOptional() throws IOException {
        Path in = write("in.csv", LONG_CSV);
        CorrelationCli.Result r = CorrelationCli.run(in, "SPEARMAN", dir.resolve("m.csv"), null);
        assertThat(r.mst()).isEmpty();
        assertThat(r.matrix().method()).isEqualTo(CorrelationMethod.SPEARMAN);
    }

    @Test
    void openTimeUsColumnIsTakenAsMicroseconds() throws IOException {
        Path in =
                write(
                        "us.csv",
                        "open_time_us,symbol,close\n1,AAAUSDT,1\n2,AAAUSDT,2\n1,BBBUSDT,3\n2,BBBUSDT,4\n");
        List<PriceSeries> s = LongCsvReader.read(in);
        assertThat(s)
                .extracting(PriceSeries::symbol)
                .containsExactly(Symbol.of("AAAUSDT"), Symbol.of("BBBUSDT"));
        assertThat(s.get(0).openTimesUs()).containsExactly(1, 2);
    }

    @Test
    void quotedFieldsByteOrderMarkAndCrlfAreReadAsCsv() throws IOException {
        Path in =
                write(
                        "q.csv",
                        "\uFEFFsymbol,\"note, with comma\",open_time,close\r\n"
                                + "AAAUSDT,\"say \"\"hi\"\"\",1,1\r\n"
                                + "\r\n"
                                + "AAAUSDT,\"two\nlines\",2,2\r\n"
                                + "BBBUSDT,x,1,3\r\n"
                                + "BBBUSDT,y,2,4\r\n");
        List<PriceSeries> s = LongCsvReader.read(in);
        assertThat(s)
                .extracting(PriceSeries::symbol)
                .containsExactly(Symbol.of("AAAUSDT"), Symbol.of("BBBUSDT"));
        assertThat(s.get(0).closes()).containsExactly(1.0, 2.0);
        Path afterMultiLine =
                write(
                        "r.csv",
                        "symbol,note,open_time,close\nAAAUSDT,\"a\nb\",1,1\nAAAUSDT,c,2,x\n");
        assertThatThrownBy(() -> LongCsvReader.read(afterMultiLine))
                .hasMessageContaining("r.csv line 4: close 'x' is not a number");
        Path unclosed = write("u.csv", "symbol,open_time,close\nAAAUSDT,1,1\n\"AAAUSDT,2,2\n");
        assertThatThrownBy(() -> LongCsvReader.read(unclosed))
                .hasMessageContaining("u.csv line 3: malformed CSV");
    }

    @Test
    void badInputNamesFileLineAndColumn() throws IOException {
        Path noClose = write("a.csv", "symbol,open_time,open\nAAAUSDT,1,2\n");
        assertThatThrownBy(() -> LongCsvReader.read(noClose))
                .hasMessageContaining("a.csv: header has no 'close' column");
        Path badNumber = write("b.csv", "symbol,open_time,close\nAAAUSDT,1,2\nAAAUSDT,2,abc\n");
        assertThatThrownBy(() -> LongCsvReader.read(badNumber))
                .hasMessageContaining("b.csv line 3: close 'abc' is not a number");
        Path badTime = write("c.csv", "symbol,open_time,close\nAAAUSDT,1.5,2\n");
        assertThatThrownBy(() -> LongCsvReader.read(badTime))
                .hasMessageContaining("c.csv line 2: open_time '1.5' is not an integer");
        Path shortRow = write("d.csv", "symbol,open_time,close\nAAAUSDT,1\n");
        assertThatThrownBy(() -> LongCsvReader.read(shortRow))
                .hasMessageContaining("d.csv line 2: 2 fields, expected at least 3");
        Path empty = write("e.csv", "");
        assertThatThrownBy(() -> LongCsvReader.read(empty)).hasMessageContaining("empty file");
        Path badSymbol = write("f.csv", "symbol,open_time,close\nBTC-USDT,1,2\n");
        assertThatThrownBy(() -> LongCsvReader.read(badSymbol))
                .hasMessageContaining("f.csv line 2: invalid symbol 'BTC-USDT'");
        Path negative = write("g.csv", "symbol,open_time,close\nAAAUSDT,1,-2\n");
        assertThatThrownBy(() -> LongCsvReader.read(negative))
                .hasMessageContaining("g.csv line 2: close '-2' must be a positive");
        assertThatThrownBy(() -> LongCsvReader.read(dir.resolve("missing.csv")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void cliRejectsBadArguments() throws IOException {
        Path in = write("in.csv", LONG_CSV);
        Path out = dir.resolve("m.csv");
        assertThatThrownBy(() -> CorrelationCli.run(in, "kendall", out, null))
                .hasMessageContaining("method: expected pearson|spearman, got 'kendall'");
        Path one = write("one.csv", "symbol,open_time,close\nAAAUSDT,1,2\nAAAUSDT,2,3\n");
        assertThatThrownBy(() -> CorrelationCli.run(one, "pearson", out, null))
                .hasMessageContaining("at least 2 symbols, found 1");
        Path disjoint =
                write(
                        "dis.csv",
                        "symbol,open_time,close\nAAAUSDT,1,2\nAAAUSDT,2,3\nBBBUSDT,3,2\nBBBUSDT,4,3\n");
        assertThatThrownBy(() -> CorrelationCli.run(disjoint, "pearson", out, null))
                .hasMessageContaining("only 0 open times common to all symbols");
        assertThat(out).doesNotExist();
    }
}
