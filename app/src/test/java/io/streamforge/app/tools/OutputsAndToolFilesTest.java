package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.app.cli.UsageError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools' files: outputs are all-or-nothing (a failure half-way leaves the old file and no
 * temporary one), {@code -} is standard output, and bad file options are usage errors naming the
 * option before anything is read or written.
 */
class OutputsAndToolFilesTest {
    @TempDir Path dir;

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aCompleteWriteReplacesTheTargetAndLeavesNoTemporaryFile() throws Exception {
        Path out = dir.resolve("sub/out.csv");
        Outputs.write(out, null, w -> w.write("a,b\n1,2\n"));
        assertThat(Files.readString(out)).isEqualTo("a,b\n1,2\n");
        Outputs.write(out, null, w -> w.write("new\n"));
        assertThat(Files.readString(out)).isEqualTo("new\n");
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertThat(s.toList()).containsExactly(out);
        }
    }

    @Test
    void aFailureHalfWayKeepsTheOldFileAndRemovesThePartialOne() throws Exception {
        Path out = Files.writeString(dir.resolve("out.csv"), "old\n");
        assertThatThrownBy(
                        () ->
                                Outputs.write(
                                        out,
                                        null,
                                        w -> {
                                            w.write("half");
                                            throw new IllegalArgumentException(
                                                    "in.csv line 7: bad");
                                        }))
                .hasMessage("in.csv line 7: bad");
        assertThat(Files.readString(out)).isEqualTo("old\n");
        assertThat(files()).containsExactly(out);
        assertThatThrownBy(
                        () ->
                                Outputs.write(
                                        out,
                                        null,
                                        w -> {
                                            throw new java.io.IOException("disk full");
                                        }))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write " + out + ": disk full");
        assertThat(files()).containsExactly(out);
    }

    @Test
    void noTargetMeansStandardOutput() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Outputs.write(
                null, new PrintStream(bytes, true, StandardCharsets.UTF_8), w -> w.write("x,µ\n"));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("x,µ\n");
    }

    @Test
    void stagedFilesAreCommittedTogether() throws Exception {
        Outputs.Staged a = Outputs.stage(dir.resolve("a.csv"));
        Outputs.Staged b = Outputs.stage(dir.resolve("b.csv"));
        assertThat(a.temp().getFileName().toString()).startsWith(".a.csv.").endsWith(".tmp");
        Files.writeString(a.temp(), "A");
        Files.writeString(b.temp(), "B");
        Outputs.commit(List.of(a, b));
        assertThat(files()).containsExactly(dir.resolve("a.csv"), dir.resolve("b.csv"));
        Outputs.Staged lost =
                Outputs.stage(dir.resolve("c.csv")); // its temp file was never written
        assertThatThrownBy(() -> Outputs.commit(List.of(lost)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + dir.resolve("c.csv"));
    }

    @Test
    void inputOptionsMustNameReadableRegularFiles() throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), "x");
        assertThat(ToolFiles.input("--input", in)).isEqualTo(in);
        assertThatThrownBy(() -> ToolFiles.input("--input", dir.resolve("none.csv")))
                .isInstanceOf(UsageError.class)
                .hasMessage("--input " + dir.resolve("none.csv") + ": no such file");
        assertThatThrownBy(() -> ToolFiles.input("--input", dir))
                .isInstanceOf(UsageError.class)
                .hasMessage("--input " + dir + " is not a regular file");
    }

    @Test
    void outputOptionsRefuseDirectoriesAndEmptyNames() {
        assertThat(ToolFiles.output("--output", null, true)).isNull();
        assertThat(ToolFiles.output("--output", "-", true)).as("standard output").isNull();
        assertThat(ToolFiles.output("--output", "-", false)).isEqualTo(Path.of("-"));
        assertThat(ToolFiles.output("--output", dir.resolve("o.csv").toString(), false))
                .isEqualTo(dir.resolve("o.csv"));
        assertThatThrownBy(() -> ToolFiles.output("--output", " ", true))
                .isInstanceOf(UsageError.class)
                .hasMessage("--output: empty file name");
        assertThatThrownBy(() -> ToolFiles.output("--mst", dir.toString(), false))
                .isInstanceOf(UsageError.class)
                .hasMessage("--mst " + dir + " is a directory");
    }

    @Test
    void badInputFoundWhileWorkingIsAUsageErrorAndIoFailuresAreNot() throws Exception {
        assertThat(ToolFiles.run(() -> 0)).isZero();
        assertThatThrownBy(
                        () ->
                                ToolFiles.run(
                                        () -> {
                                            throw new IllegalArgumentException(
                                                    "in.csv line 3: close 'x' is not a number");
                                        }))
                .isInstanceOf(UsageError.class)
                .hasMessage("in.csv line 3: close 'x' is not a number");
        assertThatThrownBy(
                        () ->
                                ToolFiles.run(
                                        () -> {
                                            throw new UncheckedIOException(
                                                    new java.io.IOException("EIO"));
                                        }))
                .isInstanceOf(UncheckedIOException.class);
    }
}
