package io.streamforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The conventions every command keeps (ADR 2301): {@code --help}/{@code -h} with exit 0 listing the
 * command's options, {@code --version} from the build, exit 2 and one line without a stack trace
 * for an unknown option or a bad value. The commands are found by walking the command tree, so a
 * new command is covered without changing this test. Nothing here starts a platform: every bad
 * value is rejected before anything starts.
 */
class CliConventionsTest {
    /** Every command and subcommand as the words that invoke it, e.g. {@code [bench, rest]}. */
    static List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        walk(
                CliRunner.commandLine(new CliContext(System.out, System.err, Map.of())),
                new ArrayList<>(),
                all);
        return all;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            walk(e.getValue(), sub, all);
        }
    }

    private static String[] args(List<String> path, String... more) {
        return Stream.concat(path.stream(), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void theTreeHoldsEveryCommand() {
        assertThat(commands().stream().map(p -> String.join(" ", p)))
                .contains(
                        "",
                        "demo",
                        "up",
                        "sim",
                        "resume",
                        "bench",
                        "bench ingest",
                        "bench rest",
                        "bench dump",
                        "bench ws",
                        "bench soak",
                        "bench sink",
                        "bench backfill",
                        "bench client",
                        "bench up",
                        "bench efficiency",
                        "bench codec",
                        "coverage",
                        "indicators",
                        "candles",
                        "correlation",
                        "test-logger",
                        "completion");
    }

    @ParameterizedTest(name = "streamforge {0} --help")
    @MethodSource("commands")
    void helpExitsZeroAndListsEveryOption(List<String> path) {
        CommandLine cl = CliRunner.commandLine(new CliContext(System.out, System.err, Map.of()));
        for (String name : path) {
            cl = cl.getSubcommands().get(name);
        }
        for (String flag : List.of("--help", "-h")) {
            CliRun r = CliRun.of(args(path, flag));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: " + cl.getCommandSpec().qualifiedName());
            for (OptionSpec o : cl.getCommandSpec().options()) {
                assertThat(r.out()).as("option %s", o.longestName()).contains(o.longestName());
            }
            assertThat(r.err()).isEmpty();
        }
    }

    @ParameterizedTest(name = "streamforge {0} --no-such-option")
    @MethodSource("commands")
    void unknownOptionIsOneLineAndExitTwo(List<String> path) {
        assertUsageError(CliRun.of(args(path, "--no-such-option")), "--no-such-option");
    }

    @Test
    void badValuesAreOneLineAndExitTwo() {
        String[][] bad = {
            {"demo", "--range", "garbage"},
            {"demo", "--range", "2024-02-01:2024-01-01"},
            {"demo", "--port", "x"},
            {"demo", "--port", "70000"},
            {"demo", "--symbols", "BTC-USDT"},
            {"demo", "--interval", "7m"},
            {"up", "--ui-port", "-1"},
            {"sim", "--seed", "x"},
            {"sim", "--replay-from", "yesterday"},
            {"sim", "--replay-speed", "0"},
            {"bench", "rest", "--windows", "0"},
            {"bench", "ws", "--source", "kafka"},
            {"bench", "dump", "--days", "x"},
            {"bench", "ingest", "--range", "2024-01-01"},
            {"bench", "sink", "--batch", "0"},
            {"bench", "backfill", "--days", "2024-01-05:2024-01-01"},
            {"bench", "client", "--time-scale", "0"},
            {"bench", "up", "--analytics", "maybe"},
            {"bench", "up", "--jvm-option", "UseSerialGC"},
            {"bench", "efficiency", "--symbols", "BTC-USDT"},
            {"bench", "codec", "--rounds", "x"},
            {"coverage", "--range", "2024-13-01:2024-01-01"},
            {"correlation", "--input", "x", "--output", "y", "--max-gap", "two"},
            {"test-logger", "--count", "0"},
            {"demo", "unexpected-argument"},
            {"resume"},
            {"resume", "q1", "--api", "ftp://x"},
            {}
        };
        for (String[] args : bad) {
            assertUsageError(CliRun.of(args), null);
        }
    }

    /** {@code up} checks OIDC_* with its options, before the data folder is touched. */
    @Test
    void upWithAnIncompleteOidcConfigurationIsOneLineAndExitTwo(@TempDir Path tmp) {
        Path dir = tmp.resolve("up");
        assertUsageError(
                CliRun.with(
                        Map.of("OIDC_ISSUER_URL", "https://keycloak.example/realms/sf"),
                        "up",
                        "--data-dir",
                        dir.toString()),
                "OIDC_AUDIENCE");
        assertUsageError(
                CliRun.with(
                        Map.of("OIDC_ISSUER_URL", "keycloak", "OIDC_AUDIENCE", "streamforge-api"),
                        "up",
                        "--data-dir",
                        dir.toString()),
                "OIDC_ISSUER_URL");
        assertThat(dir).doesNotExist();
    }

    @Test
    void versionComesFromTheBuild() {
        String expected = System.getProperty("streamforge.version");
        assertThat(expected).as("set by the app POM's surefire configuration").isNotBlank();
        CliRun r = CliRun.of("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("streamforge " + expected + "\n");
        assertThat(BuildVersion.version()).isEqualTo(expected);
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun r = CliRun.of("demo", "--verbose", "--port", "70000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("streamforge demo: --port: must be in [0, 65535], got 70000\n");
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void completionPrintsABashScriptOfTheWholeTree() {
        CliRun r = CliRun.of("completion");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("complete -F _complete_streamforge", "bench", "--agg-trades-per-day");
    }

    /**
     * Exit 2, exactly one line on standard error naming the problem, nothing on standard output.
     */
    private static void assertUsageError(CliRun r, String mentioned) {
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).hasLineCount(1).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err()).startsWith("streamforge");
        if (mentioned != null) {
            assertThat(r.err()).contains(mentioned);
        }
        assertThat(r.out()).isEmpty();
    }
}
