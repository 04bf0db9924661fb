package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad trades files and options: exit 2, the problem named, the previous output kept. */
class CandlesErrorsTest {
    @TempDir Path dir;
    private Path out;

    @BeforeEach
    void existingOutput() throws IOException {
        out = dir.resolve("out.csv");
        Files.writeString(out, "previous result\n");
    }

    private ToolRun runOn(String fileText, String... extra) throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, fileText);
        String[] base = {"--trades", in.toString(), "--interval", "1m", "--output", out.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return ToolRun.of("candles", args);
    }

    private void assertRejected(ToolRun r, String... messageParts) throws IOException {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(messageParts);
        assertThat(Files.readString(out)).isEqualTo("previous result\n");
        assertThat(ToolRun.filesIn(dir)).isEqualTo(2);
    }

    @Test
    void unsortedTradesLateInTheFileLeaveNoPartialOutput() throws IOException {
        // many candles are written before the bad line: the output must still not change
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            long t = CandlesToolTest.BASE + i * 60_000L;
            csv.append(i).append(",1.5,2,").append(i).append(',').append(i).append(',');
            csv.append(t).append(",True,True\n");
        }
        csv.append("499,1.5,2,600,600,").append(CandlesToolTest.BASE + 30_000_000L);
        csv.append(",True,True\n");
        assertRejected(runOn(csv.toString()), "in.csv line 501: unsorted input: aggTrade 499");
    }

    @Test
    void malformedFieldsNameLineAndColumn() throws IOException {
        String ok = "1,0.1,1,1,1,1600000000000,True,True\n";
        assertRejected(
                runOn(ok + "2,0.1,1,2,2,1600000000001,yes,True\n"),
                "line 2: is_buyer_maker 'yes' is not True or False");
        assertRejected(
                runOn(ok + "2,0.1,1,2,2,1600000000001\n"), "line 2: 6 fields, expected 7 or 8");
        assertRejected(runOn(ok + "2,x,1,2,2,1600000000001,True,True\n"), "line 2: price");
        assertRejected(
                runOn(ok + "2,-0.1,1,2,2,1600000000001,True,True\n"),
                "line 2: negative price or quantity");
        assertRejected(
                runOn(ok + "2,0.1,1,2,2,1600000000001000,True,True\n"),
                "line 2: timestamp 1600000000001000 is in µs but the file started with ms");
        assertRejected(
                runOn(ok + "2,0.1,1,5,4,1600000000001,True,True\n"),
                "line 2: aggTrade 2: last trade id 4 before first trade id 5");
    }

    @Test
    void malformedJsonNamesTheRecord() throws IOException {
        String ok =
                "[{\"a\":1,\"p\":\"0.1\",\"q\":\"1\",\"f\":1,\"l\":1,\"T\":1600000000000,\"m\":true}";
        assertRejected(
                runOn(
                        ok
                                + ",\n{\"a\":2,\"q\":\"1\",\"f\":2,\"l\":2,\"T\":1600000000001,\"m\":true}]"),
                "record 2 (line 2): missing field 'p' (price)");
        assertRejected(runOn(ok + ",\n[1,2]]"), "record 2 (line 2): expected an aggTrade object");
        assertRejected(runOn(ok + ",{\"a\":"), "malformed JSON");
        assertRejected(runOn("[]"), "no aggTrades in the file");
    }

    @Test
    void badOptionsNameTheOption() throws IOException {
        String ok = "1,0.1,1,1,1,1600000000000,True,True\n";
        assertRejected(runOn(ok, "--fill", "zero"), "--fill: expected skip or flat, got 'zero'");
        assertRejected(runOn(ok, "--symbol", "BTC-USDT"), "--symbol: invalid symbol 'BTC-USDT'");
        assertRejected(
                ToolRun.of(
                        "candles",
                        "--trades",
                        dir.resolve("in.csv").toString(),
                        "--interval",
                        "1m"),
                "Missing required option: '--output=FILE|-'");
        assertRejected(
                ToolRun.of(
                        "candles", "--trades", dir.toString(), "--interval", "1m", "--output", "-"),
                "--trades " + dir + " is not a regular file");
        assertRejected(
                ToolRun.of(
                        "candles",
                        "--trades",
                        dir.resolve("in.csv").toString(),
                        "--interval",
                        "1min",
                        "--output",
                        out.toString()),
                "Invalid value for option '--interval': invalid interval '1min'");
        assertRejected(
                ToolRun.of(
                        "candles",
                        "--trades",
                        dir.resolve("in.csv").toString(),
                        "--interval",
                        "1m",
                        "--output",
                        out.toString(),
                        "stray"),
                "Unmatched argument at index 7: 'stray'");
    }
}
