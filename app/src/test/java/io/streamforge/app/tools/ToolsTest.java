package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsTest {
    @TempDir Path dir;

    @Test
    void unknownToolIsAUsageError() {
        ToolRun r = ToolRun.of("indicator");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'indicator'");
    }

    @Test
    void helpPrintsTheCommandsOptionsAndSucceeds() {
        for (String command : List.of("indicators", "candles", "correlation")) {
            ToolRun r = ToolRun.of(command, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out())
                    .startsWith("Usage: streamforge " + command + " ")
                    .contains("--output");
        }
    }

    @Test
    void noArgumentsNamesTheRequiredOptions() {
        assertThat(ToolRun.of("indicators").err()).contains("Missing required options", "--input");
        assertThat(ToolRun.of("candles").err()).contains("Missing required options", "--trades");
        assertThat(ToolRun.of("correlation").code()).isEqualTo(2);
    }

    @Test
    void dashOutputWritesTheCsvToStandardOutputAndTheSummaryToStandardError() throws IOException {
        Path in = dir.resolve("k.csv");
        Files.writeString(in, "1000,1,1,1,1,1\n2000,1,1,1,3,1\n");
        ToolRun r =
                ToolRun.of(
                        "indicators",
                        "--input",
                        in.toString(),
                        "--indicator",
                        "SMA:2",
                        "--output",
                        "-");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("open_time,SMA_2\n1000,\n2000,2.0\n");
        assertThat(r.err()).contains("indicators: 2 candles");
    }

    @Test
    void unwritableOutputIsAnIoFailure() throws IOException {
        Path in = dir.resolve("k.csv");
        Files.writeString(in, "1000,1,1,1,1,1\n");
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        ToolRun r =
                ToolRun.of(
                        "indicators",
                        "--input",
                        in.toString(),
                        "--indicator",
                        "SMA:2",
                        "--output",
                        blocker.resolve("out.csv").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write " + blocker.resolve("out.csv"));
    }
}
