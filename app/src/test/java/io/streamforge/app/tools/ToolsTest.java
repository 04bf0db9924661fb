package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsTest {
    @TempDir Path dir;

    @Test
    void unknownToolListsTheTools() {
        ToolRun r = ToolRun.of("indicator");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("unknown tool 'indicator'", "indicators --input", "candles --trades");
    }

    @Test
    void helpPrintsTheCommandsUsageAndSucceeds() {
        for (String command : Tools.COMMANDS) {
            ToolRun r = ToolRun.of(command, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("usage: streamforge\n  " + command + " ");
        }
    }

    @Test
    void noArgumentsNamesTheFirstRequiredOption() {
        assertThat(ToolRun.of("indicators").err()).contains("option --input is required");
        assertThat(ToolRun.of("candles").err()).contains("option --trades is required");
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
