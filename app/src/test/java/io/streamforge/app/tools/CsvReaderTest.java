package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User CSV files as spreadsheets and Windows write them, read through Apache Commons CSV: quoted
 * fields (with commas, quotes and line breaks inside), a UTF-8 byte-order mark, CRLF line ends, and
 * errors that name the line a bad row starts on.
 */
class CsvReaderTest {
    @TempDir Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("in.csv");
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksInside() throws IOException {
        KlineReader.Klines k =
                KlineReader.read(
                        file(
                                "open_time,open,high,low,close,volume,close_time,quote_volume,note\n"
                                        + "\"60000\",\"1.5\",\"2\",\"1\",\"1.75\",\"10\",119999,\"17.5\",\"a, b\"\n"
                                        + "120000, 1.75 ,3,1.5,2.5,20,179999,50,\"said \"\"hi\"\"\"\n"
                                        + "180000,2.5,3,2,2.25,5,239999,11.25,\"two\nlines\"\n"
                                        + "240000,2.25,2.5,2,2,1,299999,2,\n"));
        assertThat(k.rawOpenTimes()).containsExactly(60_000L, 120_000L, 180_000L, 240_000L);
        assertThat(k.series().close()).containsExactly(1.75, 2.5, 2.25, 2.0);
        assertThat(k.quoteVolume()).isTrue();
    }

    @Test
    void byteOrderMarkAndCrlfAsExcelWritesThem() throws IOException {
        KlineReader.Klines k =
                KlineReader.read(
                        file(
                                "\uFEFFopen_time,open,high,low,close,volume\r\n"
                                        + "60000,1,2,1,1.5,10\r\n"
                                        + "\r\n"
                                        + "120000,1.5,2,1,2,10\r\n"));
        assertThat(k.rawOpenTimes()).containsExactly(60_000L, 120_000L);
        assertThat(k.series().close()).containsExactly(1.5, 2.0);

        List<AggTrade> trades = new ArrayList<>();
        Path t =
                file(
                        "\uFEFFagg_id,price,qty,first_id,last_id,time,is_buyer_maker,is_best_match\r\n"
                                + "\"1\",\"0.5\",\"2\",\"1\",\"1\",\"1600000000000\",\"True\",\"True\"\r\n"
                                + "2,0.6,1,2,3,1600000001000,False,True\r\n");
        new AggTradeReader(t, Symbol.of("BTCUSDT"), trades::add).read();
        assertThat(trades).extracting(AggTrade::aggId).containsExactly(1L, 2L);
        assertThat(trades.get(1).buyerMaker()).isFalse();
    }

    @Test
    void errorsNameTheLineTheBadRowStartsOn() throws IOException {
        assertThatThrownBy(
                        () ->
                                KlineReader.read(
                                        file(
                                                "open_time,open,high,low,close,volume\r\n"
                                                        + "60000,1,2,1,1.5,10\r\n"
                                                        + "120000,1,2,1,oops,10\r\n")))
                .hasMessage(dir.resolve("in.csv") + " line 3: close 'oops' is not a number");
        // a quoted line break inside row 2 moves row 3 to line 4
        assertThatThrownBy(
                        () ->
                                KlineReader.read(
                                        file(
                                                "60000,1,2,1,1.5,10,119999,15,\"multi\nline\"\n"
                                                        + "120000,1,2,1,1.5,10,179999,15,x\n"
                                                        + "180000,1,2,1,bad,10,239999,15,x\n")))
                .hasMessageContaining("in.csv line 4: close 'bad' is not a number");
        assertThatThrownBy(
                        () ->
                                KlineReader.read(
                                        file(
                                                "60000,1,2,1,1.5,10\n"
                                                        + "120000,1,2,1,\"1.5,10\n"
                                                        + "180000,1,2,1,1.5,10\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in.csv line 2: malformed CSV");
    }

    @Test
    void aBadFileThroughTheCliIsExitTwoWithTheLine() throws IOException {
        Path in = file("\uFEFF60000,1,2,1,1.5,10\r\n120000,1,2,1,x,10\r\n");
        ToolRun r =
                ToolRun.of(
                        "indicators",
                        "--input",
                        in.toString(),
                        "--indicator",
                        "SMA:2",
                        "--output",
                        dir.resolve("out.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "streamforge indicators: " + in + " line 2: close 'x' is not a number\n");
    }
}
