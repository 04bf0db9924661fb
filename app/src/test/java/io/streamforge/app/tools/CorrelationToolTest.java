package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelationToolTest {
    @TempDir Path dir;

    /** BBB = AAA² (ρ = 1 on log returns); CCC = 1/AAA (ρ = −1). */
    private static final String LONG_CSV =
            "symbol,open_time,open,high,low,close,volume\n"
                    + "AAAUSDT,1675209600000,1,1,1,2,0\n"
                    + "BBBUSDT,1675209600000,1,1,1,4,0\n"
                    + "CCCUSDT,1675209600000,1,1,1,0.5,0\n"
                    + "AAAUSDT,1675213200000,1,1,1,4,0\n"
                    + "BBBUSDT,1675213200000,1,1,1,16,0\n"
                    + "CCCUSDT,1675213200000,1,1,1,0.25,0\n"
                    + "AAAUSDT,1675216800000,1,1,1,2,0\n"
                    + "BBBUSDT,1675216800000,1,1,1,4,0\n"
                    + "CCCUSDT,1675216800000,1,1,1,0.5,0\n"
                    + "AAAUSDT,1675220400000,1,1,1,8,0\n"
                    + "BBBUSDT,1675220400000,1,1,1,64,0\n"
                    + "CCCUSDT,1675220400000,1,1,1,0.125,0\n";

    private static double[][] matrix(List<String> lines) {
        int n = lines.size() - 1;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertThat(f).hasSize(n + 1);
            for (int j = 0; j < n; j++) {
                m[i][j] = Double.parseDouble(f[j + 1]);
            }
        }
        return m;
    }

    @Test
    void smallFileGivesPlusAndMinusOne() throws IOException {
        Path in = dir.resolve("long.csv");
        Files.writeString(in, LONG_CSV);
        Path out = dir.resolve("m/matrix.csv");
        ToolRun r = ToolRun.of("correlation", "--input", in.toString(), "--output", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("pearson correlation of 3 symbols over 3 returns");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("symbol,AAAUSDT,BBBUSDT,CCCUSDT");
        double[][] m = matrix(lines);
        assertThat(m[0][1]).isCloseTo(1.0, within(1e-12));
        assertThat(m[0][2]).isCloseTo(-1.0, within(1e-12));
        assertThat(m[1][2]).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void realFuturesFileGivesSymmetricMatrixAndSpanningTree() throws IOException {
        Path in = ToolRun.realdata("graph/USDM-futures-5sym-1h-2023-02.csv");
        for (String method : List.of("pearson", "spearman")) {
            Path out = dir.resolve(method + ".csv");
            Path mst = dir.resolve(method + "-mst.csv");
            ToolRun r =
                    ToolRun.of(
                            "correlation",
                            "--input",
                            in.toString(),
                            "--method",
                            method,
                            "--output",
                            out.toString(),
                            "--mst",
                            mst.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("5 symbols over 671 returns", "MST 4 edges");
            List<String> lines = Files.readAllLines(out);
            assertThat(lines.get(0))
                    .isEqualTo("symbol,ALGOUSDT,AVAXUSDT,FILUSDT,LINKUSDT,NEARUSDT");
            double[][] m = matrix(lines);
            for (int i = 0; i < 5; i++) {
                assertThat(m[i][i]).isEqualTo(1.0);
                for (int j = 0; j < 5; j++) {
                    assertThat(m[i][j]).isEqualTo(m[j][i]);
                    if (i != j) {
                        assertThat(m[i][j]).isBetween(0.3, 0.99);
                    }
                }
            }
            List<String> edges = Files.readAllLines(mst);
            assertThat(edges).hasSize(5).first().isEqualTo("source,target,rho,distance");
        }
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws IOException {
        Path in = dir.resolve("long.csv");
        Path out = dir.resolve("matrix.csv");
        Path mst = dir.resolve("mst.csv");
        Files.writeString(
                in, LONG_CSV.replace("CCCUSDT,1675216800000,1,1,1,0.5", "CCCUSDT,x,1,1,1,1"));
        ToolRun r =
                ToolRun.of(
                        "correlation",
                        "--input",
                        in.toString(),
                        "--output",
                        out.toString(),
                        "--mst",
                        mst.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("long.csv line 10", "open_time 'x'");
        assertThat(ToolRun.filesIn(dir)).isEqualTo(1);

        Files.writeString(in, "symbol,open_time,close\nAAAUSDT,1,2\nAAAUSDT,2,3\nAAAUSDT,3,4\n");
        r = ToolRun.of("correlation", "--input", in.toString(), "--output", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("at least 2 symbols, found 1");
        assertThat(ToolRun.filesIn(dir)).isEqualTo(1);

        String[][] bad = {
            {"--method", "kendall"},
            {"--max-gap", "-1"},
            {"--max-gap", "two"},
            {"--mst", out.toString()}
        };
        String[] expected = {
            "Invalid value for option '--method': expected one of [pearson, spearman]",
            "--max-gap: must be >= 0",
            "Invalid value for option '--max-gap': 'two' is not an int",
            "--mst and --output are the same file"
        };
        for (int i = 0; i < bad.length; i++) {
            r =
                    ToolRun.of(
                            "correlation",
                            "--input",
                            in.toString(),
                            "--output",
                            out.toString(),
                            bad[i][0],
                            bad[i][1]);
            assertThat(r.code()).as(bad[i][0]).isEqualTo(2);
            assertThat(r.err()).contains(expected[i]).hasLineCount(1);
        }
        r =
                ToolRun.of(
                        "correlation",
                        "--input",
                        dir.resolve("nope.csv").toString(),
                        "--output",
                        "x");
        assertThat(r.err()).contains("--input " + dir.resolve("nope.csv") + ": no such file");
        assertThat(ToolRun.filesIn(dir)).isEqualTo(1);
    }
}
