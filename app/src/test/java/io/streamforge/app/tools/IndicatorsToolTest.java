package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.indicators.Indicators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorsToolTest {
    @TempDir Path dir;

    /** Closes 1, 2, 4, 3: SMA(2) = 1.5, 3, 3.5; Wilder RSI(2) = 100 at index 2, then 60. */
    private static final String KLINES_MS =
            "1000,1,1,1,1,10,1999,10,1,5,5,0\n"
                    + "2000,1,2,1,2,10,2999,20,1,5,10,0\n"
                    + "\n"
                    + "3000,2,4,2,4,10,3999,40,1,5,20,0\n"
                    + "4000,4,4,3,3,10,4999,30,1,5,15,0\n";

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private ToolRun indicators(Path in, Path out, String... specs) {
        List<String> a = new ArrayList<>(List.of("--input", in.toString()));
        for (String s : specs) {
            a.add("--indicator");
            a.add(s);
        }
        a.add("--output");
        a.add(out.toString());
        return ToolRun.of("indicators", a.toArray(String[]::new));
    }

    @Test
    void handCheckedValuesWithEmptyWarmUpAndInputTimes() throws IOException {
        Path out = dir.resolve("sub/out.csv");
        ToolRun r = indicators(write("k.csv", KLINES_MS), out, "SMA:2", "rsi:2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out))
                .containsExactly(
                        "open_time,SMA_2,RSI_2",
                        "1000,,",
                        "2000,1.5,",
                        "3000,3.0,100.0",
                        "4000,3.5,60.0");
        assertThat(r.out()).contains("4 candles", "open times in ms", "[SMA_2, RSI_2]");
    }

    @Test
    void headerJsonAndMicrosecondInputsGiveTheSameValues() throws IOException {
        Path plain = dir.resolve("plain.csv");
        indicators(write("k.csv", KLINES_MS), plain, "BBANDS:2:2,VWAP:2");
        String header =
                "Opentime,Open,High,Low,Close,Volume,Closetime,Quote asset volume,"
                        + "Number of trades,Taker buy base,Taker buy quote,Ignore\n";
        Path headed = dir.resolve("headed.csv");
        assertThat(
                        indicators(write("h.csv", header + KLINES_MS), headed, "BBANDS:2:2,VWAP:2")
                                .code())
                .isZero();
        assertThat(Files.readString(headed)).isEqualTo(Files.readString(plain));

        StringBuilder json = new StringBuilder("[");
        for (String line : KLINES_MS.split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split(",");
                json.append(json.length() > 1 ? "," : "").append("\n[").append(f[0]);
                for (int i = 1; i < f.length; i++) {
                    json.append(i == 6 || i == 8 ? "," + f[i] : ",\"" + f[i] + "\"");
                }
                json.append(']');
            }
        }
        Path fromJson = dir.resolve("json.csv");
        ToolRun r = indicators(write("k.json", json + "]"), fromJson, "BBANDS:2:2,VWAP:2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("REST JSON klines");
        assertThat(Files.readString(fromJson)).isEqualTo(Files.readString(plain));

        String micros = KLINES_MS.replaceAll("(?m)^(\\d)000,", "173568960$1000000,");
        Path fromMicros = dir.resolve("us.csv");
        r = indicators(write("us.csv", micros), fromMicros, "BBANDS:2:2,VWAP:2");
        assertThat(r.out()).contains("open times in µs");
        List<String> us = Files.readAllLines(fromMicros);
        List<String> ms = Files.readAllLines(plain);
        assertThat(us.get(1)).startsWith("1735689601000000,");
        for (int i = 1; i < ms.size(); i++) {
            assertThat(us.get(i).substring(us.get(i).indexOf(',')))
                    .isEqualTo(ms.get(i).substring(ms.get(i).indexOf(',')));
        }
    }

    @Test
    void sixColumnInputHasNoQuoteVolumeAndSaysSo() throws IOException {
        Path out = dir.resolve("o.csv");
        ToolRun r = indicators(write("k.csv", "1,1,3,1,2,10\n2,2,2,2,2,30\n"), out, "VWAP:2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("VWAP uses typical price");
        // typical prices 2 and 2: (2*10 + 2*30) / 40
        assertThat(Files.readAllLines(out)).containsExactly("open_time,VWAP_2", "1,", "2,2.0");
    }

    @Test
    void rsiOnTalibReferenceEqualsTheLibraryBitForBit() throws IOException {
        Path in = ToolRun.realdata("indicators/talib_ref252_input.csv");
        List<String> rows = Files.readAllLines(in);
        double[] close = new double[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            close[i - 1] = Double.parseDouble(rows.get(i).split(",")[4]);
        }
        double[] expected = Indicators.rsi(close, 14);
        Path out = dir.resolve("rsi.csv");
        ToolRun r = indicators(in, out, "RSI:14");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(253).first().isEqualTo("open_time,RSI_14");
        for (int i = 0; i < close.length; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            assertThat(f[0]).isEqualTo(Integer.toString(i));
            if (Double.isNaN(expected[i])) {
                assertThat(f[1]).as("warm-up row %d", i).isEmpty();
            } else {
                assertThat(Double.parseDouble(f[1])).as("row %d", i).isEqualTo(expected[i]);
            }
        }
        assertThat(lines.get(14)).endsWith(",");
        assertThat(lines.get(15)).doesNotEndWith(",");
    }

    @Test
    void bollingerOnRealBinanceHourlyDumpEqualsTheLibrary() throws IOException {
        Path in = ToolRun.realdata("klines/BTCUSDT-1h-2022-01.csv");
        List<String> rows = Files.readAllLines(in);
        double[] close = new double[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            close[i - 1] = Double.parseDouble(rows.get(i).split(",")[4]);
        }
        Indicators.Bands b = Indicators.bollinger(close, 20, 2);
        Path out = dir.resolve("bb.csv");
        assertThat(indicators(in, out, "BBANDS:20:2").code()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(745);
        String[] last = lines.get(744).split(",");
        assertThat(last[0]).isEqualTo("1643670000000");
        assertThat(Double.parseDouble(last[1])).isEqualTo(b.upper()[743]);
        assertThat(Double.parseDouble(last[2])).isEqualTo(b.middle()[743]);
        assertThat(Double.parseDouble(last[3])).isEqualTo(b.lower()[743]);
    }

    @Test
    void realRestKlinesAndNumericFreqtradeJsonAreRead() throws IOException {
        Path rest = ToolRun.realdata("rest/nautilus_http_spot_market_klines.json");
        Path out = dir.resolve("rest.csv");
        ToolRun r = indicators(rest, out, "SMA:3");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(11);
        // closes 60719.27, 60771.81, 60768.71 (first three klines of the recorded response)
        assertThat(Double.parseDouble(lines.get(3).split(",")[1]))
                .isEqualTo((60719.27 + 60771.81 + 60768.71) / 3);
        Path ft =
                ToolRun.realdata(
                        "klines/XRPETH-1m-20191011-20191013.freqtrade-from-aggTrades.json");
        r = indicators(ft, dir.resolve("ft.csv"), "RSI:14");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("3560 candles");
    }
}
