package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines and bad files: exit 2, a message naming the problem, output untouched. */
class IndicatorsErrorsTest {
    @TempDir Path dir;
    private Path out;

    @BeforeEach
    void existingOutput() throws IOException {
        out = dir.resolve("out.csv");
        Files.writeString(out, "previous result\n");
    }

    private ToolRun runOn(String fileText, String... specs) throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, fileText);
        return ToolRun.of(
                "indicators",
                "--input",
                in.toString(),
                "--indicator",
                String.join(",", specs),
                "--output",
                out.toString());
    }

    /** Exit 2 with the message, the previous output intact, no temporary file left. */
    private void assertRejected(ToolRun r, String... messageParts) throws IOException {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(messageParts);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo("previous result\n");
        assertThat(ToolRun.filesIn(dir)).as("files in %s", dir).isEqualTo(2);
    }

    @Test
    void malformedNumberNamesFileLineAndColumn() throws IOException {
        assertRejected(
                runOn("1000,1,1,1,1,1\n2000,1,1,1,abc,1\n", "SMA:2"),
                "in.csv line 2: close 'abc' is not a number");
        assertRejected(
                runOn("1000,1,1,1,1,1\n2000,1,1,1,NaN,1\n", "SMA:2"),
                "line 2: close 'NaN' is not a finite number");
        assertRejected(
                runOn("1000,1,1,1,1,1\n2000,1,1,1\n", "SMA:2"),
                "line 2: 4 fields, expected at least 6");
        assertRejected(
                runOn("1000,1,1,1,1,1,1999,5\n2000,1,1,1,1,1\n", "SMA:2"),
                "line 2: 6 fields, expected at least 8");
        assertRejected(
                runOn("1000,1,1,1,1,1\n1x00,1,1,1,1,1\n", "SMA:2"),
                "line 2: open_time '1x00' is not an integer");
    }

    @Test
    void unsortedDuplicatedOrMixedUnitTimesAreRejected() throws IOException {
        assertRejected(
                runOn("2000,1,1,1,1,1\n1000,1,1,1,1,1\n", "SMA:2"),
                "line 2: open_time 1000 is not after the previous row's 2000");
        assertRejected(
                runOn("1000,1,1,1,1,1\n\n1000,1,1,1,1,1\n", "SMA:2"), "line 3: open_time 1000");
        assertRejected(
                runOn("1735689600000,1,1,1,1,1\n1735689660000000,1,1,1,1,1\n", "SMA:2"),
                "line 2: timestamp 1735689660000000 is in µs but the file started with ms");
        assertRejected(runOn("-5,1,1,1,1,1\n", "SMA:2"), "line 1: negative timestamp -5");
    }

    @Test
    void wrongHeaderOrEmptyFileIsRejected() throws IOException {
        assertRejected(
                runOn("symbol,open_time,open,high,low,close\nBTCUSDT,1,1,1,1,1\n", "SMA:2"),
                "line 1: header column 2 is 'open_time', expected 'open'");
        assertRejected(runOn("open_time,open,high,low,close,volume\n", "SMA:2"), "no candles");
        assertRejected(runOn("  \n", "SMA:2"), "in.csv: empty file");
    }

    @Test
    void malformedJsonIsRejected() throws IOException {
        assertRejected(runOn("[[1000,\"1\",\"1\",\"1\",\"1\",\"1\"],", "SMA:2"), "malformed JSON");
        assertRejected(
                runOn("[[1000,\"1\",\"1\",\"1\",\"1\",\"1\"],\n{\"a\":1}]", "SMA:2"),
                "record 2 (line 2): expected a kline array");
        assertRejected(
                runOn(
                        "[[1000,\"1\",\"1\",\"1\",\"1\",\"1\"],\n[2000,\"1\",null,\"1\",\"1\",\"1\"]]",
                        "SMA:2"),
                "record 2 (line 2): high 'null' is not a number");
    }

    @Test
    void badSpecsAndCommandLinesNameTheOption() throws IOException {
        String ok = "1000,1,1,1,1,1\n";
        assertRejected(runOn(ok, "FOO:3"), "--indicator: unknown indicator 'FOO'");
        assertRejected(runOn(ok, "RSI:0"), "--indicator:", "RSI:0");
        assertRejected(runOn(ok, "RSI"), "--indicator:", "RSI");
        assertRejected(runOn(ok, "SMA:2,SMA:2"), "--indicator:", "SMA_2");
        Path in = dir.resolve("in.csv");
        assertRejected(
                ToolRun.of("indicators", "--input", in.toString(), "--output", out.toString()),
                "Missing required option: '--indicator=SPEC'");
        assertRejected(
                ToolRun.of("indicators", "--input", in.toString(), "--indicator", "SMA:2"),
                "Missing required option: '--output=FILE|-'");
        assertRejected(
                ToolRun.of("indicators", "--input", in.toString(), "--indicator"),
                "Missing required parameter for option '--indicator' (SPEC)");
        assertRejected(
                ToolRun.of(
                        "indicators",
                        "--input",
                        in.toString(),
                        "--indicator",
                        "SMA:2",
                        "--output",
                        out.toString(),
                        "--out",
                        out.toString()),
                "Unknown options: '--out'");
        assertRejected(
                ToolRun.of(
                        "indicators",
                        "--input",
                        in.toString(),
                        "--input",
                        in.toString(),
                        "--indicator=SMA:2",
                        "--output=" + out),
                "option '--input' (FILE) should be specified only once");
        assertRejected(
                ToolRun.of(
                        "indicators",
                        "--input",
                        dir.resolve("missing.csv").toString(),
                        "--indicator",
                        "SMA:2",
                        "--output",
                        out.toString()),
                "--input " + dir.resolve("missing.csv") + ": no such file");
    }
}
