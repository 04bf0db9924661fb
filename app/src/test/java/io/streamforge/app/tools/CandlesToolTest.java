package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.domain.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandlesToolTest {
    @TempDir Path dir;

    /**
     * Minute 0 has two aggTrades (3 trades), minute 1 none, minute 2 one; plus an invalidated one.
     */
    static final long BASE = 1_599_999_960_000L; // a whole minute

    static final String JSON =
            "[{\"a\":10,\"p\":\"0.10000000\",\"q\":\"2.00000000\",\"f\":100,\"l\":101,\"T\":"
                    + (BASE + 1_000)
                    + ",\"m\":true,\"M\":true},\n"
                    + " {\"a\":11,\"p\":\"0.3\",\"q\":\"1\",\"f\":102,\"l\":102,\"T\":"
                    + (BASE + 59_999)
                    + ",\"m\":false,\"M\":true,\"extra\":[1,2]},\n"
                    + " {\"a\":12,\"p\":\"0\",\"q\":\"0\",\"f\":-1,\"l\":-1,\"T\":"
                    + (BASE + 60_500)
                    + ",\"m\":false,\"M\":true},\n"
                    + " {\"a\":13,\"p\":\"0.2\",\"q\":\"5\",\"f\":103,\"l\":103,\"T\":"
                    + (BASE + 120_000)
                    + ",\"m\":false,\"M\":true}]";

    static final String CSV = csv(1);

    /** The same trades in the vision CSV layout, times multiplied by {@code unit} (1000: µs). */
    static String csv(long unit) {
        return "10,0.10000000,2.00000000,100,101,"
                + (BASE + 1_000) * unit
                + ",True,True\n"
                + "11,0.3,1,102,102,"
                + (BASE + 59_999) * unit
                + ",False,True\n"
                + "12,0,0,-1,-1,"
                + (BASE + 60_500) * unit
                + ",False,True\n"
                + "13,0.2,5,103,103,"
                + (BASE + 120_000) * unit
                + ",False,True\n";
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private List<String> candles(Path in, String... extra) throws IOException {
        Path out = dir.resolve("out-" + in.getFileName() + ".csv");
        String[] args = new String[6 + extra.length];
        System.arraycopy(
                new String[] {
                    "--trades", in.toString(), "--interval", "1m", "--output", out.toString()
                },
                0,
                args,
                0,
                6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        ToolRun r = ToolRun.of("candles", args);
        assertThat(r.code()).as(r.err()).isZero();
        return Files.readAllLines(out);
    }

    @Test
    void exactKlineColumnsFromRestJsonAndVisionCsvAreIdentical() throws IOException {
        List<String> fromJson = candles(write("XRPETH-aggTrades.json", JSON));
        assertThat(fromJson)
                .containsExactly(
                        CandlesCommand.HEADER.strip(),
                        BASE + ",0.1,0.3,0.1,0.3,3," + (BASE + 59_999) + ",0.5,3,1,0.3,0",
                        (BASE + 120_000) + ",0.2,0.2,0.2,0.2,5," + (BASE + 179_999) + ",1,1,5,1,0");
        assertThat(candles(write("trades.csv", CSV))).isEqualTo(fromJson);
        assertThat(candles(write("hdr.csv", "agg_trade_id,price,quantity,f,l,time,m\n" + CSV)))
                .isEqualTo(fromJson);
    }

    @Test
    void symbolComesFromTheOptionOrADumpFileName() {
        assertThat(CandlesCommand.symbol(null, Path.of("d/XRPETH-aggTrades-2019-10-11.csv")))
                .isEqualTo(Symbol.of("XRPETH"));
        assertThat(CandlesCommand.symbol(null, Path.of("d/my-trades.csv")))
                .isEqualTo(Symbol.of("UNKNOWN"));
        assertThat(CandlesCommand.symbol("btcusdt", Path.of("d/XRPETH-aggTrades.csv")))
                .isEqualTo(Symbol.of("BTCUSDT"));
    }

    @Test
    void flatFillAddsAZeroVolumeCandleAtThePreviousClose() throws IOException {
        List<String> flat = candles(write("t.json", JSON), "--fill", "FLAT", "--symbol", "xrpeth");
        assertThat(flat).hasSize(4);
        assertThat(flat.get(2))
                .isEqualTo(
                        (BASE + 60_000) + ",0.3,0.3,0.3,0.3,0," + (BASE + 119_999) + ",0,0,0,0,0");
    }

    @Test
    void microsecondInputGivesMicrosecondOutputWithBinanceCloseTimes() throws IOException {
        List<String> lines = candles(write("us.csv", csv(1000)));
        long baseUs = BASE * 1000;
        assertThat(lines.get(1))
                .isEqualTo(
                        baseUs + ",0.1,0.3,0.1,0.3,3," + (baseUs + 59_999_999) + ",0.5,3,1,0.3,0");
    }

    @Test
    void realXrpethAggTradesFromJsonAndCsvMatchEachOtherAndFreqtrade() throws IOException {
        Path json = ToolRun.realdata("trades/XRPETH-aggTrades-20191011-20191013.rest.json");
        Path csv = ToolRun.realdata("trades/XRPETH-aggTrades-20191011-20191013.vision-format.csv");
        List<String> fromJson = candles(json);
        assertThat(fromJson).hasSize(1 + 2_469);
        assertThat(candles(csv)).isEqualTo(fromJson);

        Path out = dir.resolve("flat.csv");
        ToolRun r =
                ToolRun.of(
                        "candles",
                        "--trades",
                        csv.toString(),
                        "--interval",
                        "1m",
                        "--fill",
                        "flat",
                        "--output",
                        out.toString());
        assertThat(r.out()).contains("3560 1m candles of XRPETH from 12477 aggTrades");
        List<String> flat = Files.readAllLines(out);
        // freqtrade built its 1m candles from these trades and filled empty minutes the same way
        JsonNode ft =
                new ObjectMapper()
                        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .readTree(
                                ToolRun.realdata(
                                                "klines/XRPETH-1m-20191011-20191013"
                                                        + ".freqtrade-from-aggTrades.json")
                                        .toFile());
        assertThat(flat).hasSize(1 + ft.size());
        for (int i = 0; i < ft.size(); i++) {
            String[] f = flat.get(i + 1).split(",");
            JsonNode k = ft.get(i);
            assertThat(Long.parseLong(f[0])).isEqualTo(k.get(0).asLong());
            for (int c = 1; c <= 5; c++) {
                assertThat(new BigDecimal(f[c]))
                        .as("row %d column %d", i, c)
                        .isEqualByComparingTo(k.get(c).decimalValue());
            }
        }
    }
}
