package io.streamforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StreamForge never destroys what it did not create (issue 10 item 6, ADR 2302): a folder holding a
 * user's file survives every {@code demo}/{@code up} invocation with bad options (checked before
 * anything touches the disk), and with good options it is refused with exit 2; a folder StreamForge
 * created is reused. Runs the whole CLI in-process; no platform starts, because each invocation is
 * refused before that.
 */
class DataDirSafetyTest {
    @TempDir Path tmp;
    private Path userDir;
    private Path precious;

    @BeforeEach
    void aFolderOfTheUser() throws IOException {
        userDir = Files.createDirectories(tmp.resolve("my-data"));
        precious = Files.writeString(userDir.resolve("thesis.txt"), "years of work\n");
        Files.createDirectories(userDir.resolve("photos"));
        Files.writeString(userDir.resolve("photos/cat.jpg"), "meow");
    }

    @Test
    void badOptionsLeaveTheFolderUntouched() throws IOException {
        String d = userDir.toString();
        String[][] bad = {
            {"demo", "--data-dir", d, "--range", "garbage"},
            {"demo", "--data-dir", d, "--port", "x"},
            {"demo", "--data-dir", d, "--port", "70000"},
            {"demo", "--data-dir", d, "--symbols", "BTC-USDT"},
            {"demo", "--data-dir", d, "--interval", "2m"},
            {"demo", "--data-dir", d, "--no-such-option"},
            {"demo", "--range", "garbage", "--data-dir", d},
            {"demo", "--data-dir", d, "--keep", "--port", "-5"},
            {"up", "--data-dir", d, "--port", "x"},
            {"up", "--data-dir", d, "--ui-port", "65536"},
            {"up", "--data-dir", d, "--no-such-option"},
            {"bench", "ingest", "--data-dir", d, "--range", "garbage"},
        };
        List<String> before = listing(userDir);
        for (String[] args : bad) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(String.join(" ", args) + " -> " + r.err()).isEqualTo(2);
            assertThat(r.err()).hasLineCount(1).doesNotContain("Exception");
            assertThat(listing(userDir)).as(String.join(" ", args)).isEqualTo(before);
        }
        assertThat(precious).hasContent("years of work");
    }

    @Test
    void goodOptionsRefuseAFolderStreamforgeDidNotCreate() throws IOException {
        List<String> before = listing(userDir);
        String d = userDir.toString();
        for (String[] args :
                new String[][] {
                    {"demo", "--data-dir", d, "--no-analytics", "--range", "2024-01-01:2024-01-01"},
                    {"demo", "--data-dir", d},
                    {"up", "--data-dir", d, "--port", "0", "--ui-port", "0"},
                    {"bench", "ingest", "--data-dir", d}
                }) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err())
                    .hasLineCount(1)
                    .contains(
                            "--data-dir " + d + " is not empty and was not created by streamforge");
            assertThat(listing(userDir)).isEqualTo(before);
        }
    }

    @Test
    void aFileIsNotADataDir() throws IOException {
        CliRun r = CliRun.of("up", "--data-dir", precious.toString(), "--port", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(precious + " is not a folder");
        assertThat(precious).hasContent("years of work");
    }

    @Test
    void aFolderStreamforgeCreatedIsReusedAndOnlyItsContentIsCleared() throws IOException {
        Path dir = tmp.resolve("fresh/demo");
        try (DataDir d = DataDir.claim(dir)) {
            assertThat(dir.resolve(DataDir.MARKER)).exists();
            assertThat(dir.resolve(DataDir.PID))
                    .hasContent(Long.toString(ProcessHandle.current().pid()));
            Files.createDirectories(dir.resolve("kafka/logs"));
            Files.writeString(dir.resolve("kafka/logs/segment"), "x");
        }
        assertThat(dir.resolve(DataDir.PID)).doesNotExist();
        DataDir.check(dir); // marked: accepted although not empty
        try (DataDir d = DataDir.claim(dir)) {
            assertThat(dir.resolve("kafka/logs/segment")).exists(); // reuse keeps data (up)
            d.clear(); // demo starts from nothing
            assertThat(listing(dir))
                    .containsExactlyInAnyOrder(DataDir.MARKER, DataDir.LOCK, DataDir.PID);
        }
    }

    @Test
    void anEmptyFolderIsAdoptedAndMarked() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        try (DataDir d = DataDir.claim(empty)) {
            assertThat(empty.resolve(DataDir.MARKER)).exists();
        }
    }

    @Test
    void aSecondClaimInTheSameProcessIsRefused() {
        Path dir = tmp.resolve("busy");
        try (DataDir first = DataDir.claim(dir)) {
            assertThatThrownBy(() -> DataDir.claim(dir))
                    .isInstanceOf(UsageError.class)
                    .hasMessage(
                            "data dir "
                                    + dir
                                    + " is in use by streamforge (pid "
                                    + ProcessHandle.current().pid()
                                    + "); stop it or choose another --data-dir");
        }
        DataDir.claim(dir).close(); // released
    }

    private static List<String> listing(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> !p.equals(dir)).forEach(p -> names.add(dir.relativize(p).toString()));
        }
        names.sort(null);
        return names;
    }
}
