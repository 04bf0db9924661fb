package io.streamforge.binance.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.binance.Shared;
import io.streamforge.binance.dump.DumpGap.Reason;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import io.streamforge.domain.TransientException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real dump samples zipped by the test, with CHECKSUM files, read from a folder and over HTTP. */
class DumpReaderTest {
    private static final Symbol ADABTC = Symbol.of("ADABTC");
    private static final long LATER = Micros.of(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir Path dir;
    private DumpMirror mirror;

    @BeforeEach
    void setUp() {
        mirror = new DumpMirror(dir);
    }

    @AfterEach
    void tearDown() {
        mirror.close();
    }

    private static String adaSample() throws Exception {
        return Files.readString(Shared.realdata("klines/ADABTC-1m-2021-11-27.nautilus-sample.csv"));
    }

    private static DumpFile adaDay() {
        return DumpFile.daily(DumpKind.KLINES, ADABTC, Interval.M1, LocalDate.of(2021, 11, 27));
    }

    @Test
    void monthlyKlinesWithAHeaderLineFromARealFile() throws Exception {
        Symbol btc = Symbol.of("BTCUSDT");
        String csv = Files.readString(Shared.realdata("klines/BTCUSDT-1h-2022-01.csv"));
        mirror.write(
                DumpFile.monthly(DumpKind.KLINES, btc, Interval.H1, YearMonth.of(2022, 1)), csv);
        List<Candle> out = new ArrayList<>();
        DumpResult r =
                new DumpReader(DumpSource.folder(dir))
                        .klines(
                                btc,
                                Interval.H1,
                                TimeRange.parseDays("2022-01-01:2022-01-31"),
                                LATER,
                                out::addAll);
        assertThat(r.complete()).isTrue();
        assertThat(r.covered()).extracting(DumpFile::label).containsExactly("2022-01");
        assertThat(out).hasSize(744);
        assertThat(r.records()).isEqualTo(744);
        Candle first = out.get(0);
        assertThat(first.openTimeUs()).isEqualTo(1_640_995_200_000_000L);
        assertThat(first.closeTimeUs()).isEqualTo(1_640_998_799_999_000L);
        assertThat(first.open()).isEqualTo(new BigDecimal("46216.93"));
        assertThat(first.quoteVolume()).isEqualTo(new BigDecimal("69879986.3904993"));
        assertThat(first.tradeCount()).isEqualTo(38608);
        for (Candle c : out) {
            assertThat(c.violations()).isEmpty();
        }
    }

    @Test
    void dailyKlinesWithoutHeaderInMsAndInMicroseconds() throws Exception {
        String ms = adaSample();
        mirror.write(adaDay(), ms);
        TimeRange day = TimeRange.parseDays("2021-11-27:2021-11-27");
        List<Candle> fromMs = new ArrayList<>();
        new DumpReader(DumpSource.folder(dir))
                .klines(ADABTC, Interval.M1, day, LATER, fromMs::addAll);
        assertThat(fromMs).hasSize(10);
        assertThat(fromMs.get(0).openTimeUs()).isEqualTo(1_637_971_200_000_000L);
        assertThat(fromMs.get(0).open()).isEqualTo(new BigDecimal("0.00002853"));

        // the same rows as a 2025-style file: both time columns in µs
        String us =
                ms.lines()
                        .map(
                                l -> {
                                    String[] f = l.split(",");
                                    f[0] = f[0] + "000";
                                    f[6] = f[6] + "999";
                                    return String.join(",", f);
                                })
                        .collect(Collectors.joining("\n"));
        Path other = dir.resolve("us");
        new DumpMirror(other).write(adaDay(), us);
        List<Candle> fromUs = new ArrayList<>();
        new DumpReader(DumpSource.folder(other))
                .klines(ADABTC, Interval.M1, day, LATER, fromUs::addAll);
        assertThat(fromUs).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(fromUs.get(i).openTimeUs()).isEqualTo(fromMs.get(i).openTimeUs());
            // the domain keeps Binance's "next open - 1 ms" close time for µs sources too
            assertThat(fromUs.get(i).closeTimeUs()).isEqualTo(fromMs.get(i).closeTimeUs());
            assertThat(fromUs.get(i).close()).isEqualTo(fromMs.get(i).close());
        }
    }

    @Test
    void realAggTradesSplitIntoDailyFilesOverHttp() throws Exception {
        Symbol xrp = Symbol.of("XRPETH");
        List<String> lines =
                Files.readAllLines(
                        Shared.realdata(
                                "trades/XRPETH-aggTrades-20191011-20191013.vision-format.csv"));
        Map<LocalDate, List<String>> byDay = new LinkedHashMap<>();
        for (String l : lines) {
            long ms = Long.parseLong(l.split(",")[5]);
            byDay.computeIfAbsent(Micros.toDate(ms * 1000), d -> new ArrayList<>()).add(l);
        }
        for (var e : byDay.entrySet()) {
            mirror.write(
                    DumpFile.daily(DumpKind.AGG_TRADES, xrp, null, e.getKey()),
                    String.join("\n", e.getValue()) + "\n");
        }
        DumpReader reader =
                new DumpReader(DumpSource.http(mirror.serve(), java.time.Duration.ofSeconds(5)));
        List<AggTrade> out = new ArrayList<>();
        DumpResult r =
                reader.aggTrades(
                        xrp, TimeRange.parseDays("2019-10-11:2019-10-13"), LATER, out::addAll);
        assertThat(r.gaps()).isEmpty();
        assertThat(r.covered()).hasSize(3);
        assertThat(out).hasSize(lines.size());
        for (int i = 1; i < out.size(); i++) {
            assertThat(out.get(i).aggId()).isEqualTo(out.get(i - 1).aggId() + 1);
        }
        AggTrade first = out.get(0);
        assertThat(first.aggId()).isEqualTo(13519807L);
        assertThat(first.price()).isEqualTo(new BigDecimal("0.00141342"));
        assertThat(first.timeUs()).isEqualTo(1_570_752_011_620_000L);
        assertThat(first.buyerMaker()).isTrue();
    }

    @Test
    void corruptChecksumIsAPermanentErrorAndNothingIsEmitted() throws Exception {
        Path zip = mirror.write(adaDay(), adaSample());
        byte[] b = Files.readAllBytes(zip);
        b[b.length / 2] ^= 0x01;
        Files.write(zip, b);
        List<Candle> out = new ArrayList<>();
        DumpReader reader = new DumpReader(DumpSource.folder(dir));
        assertThatThrownBy(
                        () ->
                                reader.klines(
                                        ADABTC,
                                        Interval.M1,
                                        TimeRange.parseDays("2021-11-27:2021-11-27"),
                                        LATER,
                                        out::addAll))
                .isInstanceOf(DumpChecksumException.class)
                .isInstanceOf(io.streamforge.domain.PermanentException.class)
                .hasMessageContaining("ADABTC-1m-2021-11-27.zip")
                .hasMessageContaining("does not match");
        assertThat(out).isEmpty();
    }

    @Test
    void checksumNamingAnotherFileOrGarbageIsRejected() throws Exception {
        mirror.write(adaDay(), adaSample());
        Path sum = dir.resolve(adaDay().checksumPath());
        String good = Files.readString(sum);
        Files.writeString(
                sum, good.replace("ADABTC-1m-2021-11-27.zip", "ADABTC-1m-2021-11-28.zip"));
        DumpReader reader = new DumpReader(DumpSource.folder(dir));
        TimeRange day = TimeRange.parseDays("2021-11-27:2021-11-27");
        assertThatThrownBy(() -> reader.klines(ADABTC, Interval.M1, day, LATER, l -> {}))
                .isInstanceOf(DumpChecksumException.class)
                .hasMessageContaining("expected 'ADABTC-1m-2021-11-27.zip'");
        Files.writeString(sum, "<html>oops</html>");
        assertThatThrownBy(() -> reader.klines(ADABTC, Interval.M1, day, LATER, l -> {}))
                .isInstanceOf(DumpChecksumException.class)
                .hasMessageContaining("not a sha256sum line");
    }

    @Test
    void missingDayIsAGapOverHttpAndAMissingChecksumToo() throws Exception {
        mirror.write(adaDay(), adaSample());
        DumpFile day2 =
                DumpFile.daily(DumpKind.KLINES, ADABTC, Interval.M1, LocalDate.of(2021, 11, 29));
        mirror.write(day2, adaSample()); // rows of the 27th: trimmed away, file still "covered"
        Files.delete(dir.resolve(day2.checksumPath()));
        DumpReader reader =
                new DumpReader(DumpSource.http(mirror.serve(), java.time.Duration.ofSeconds(5)));
        List<Candle> out = new ArrayList<>();
        DumpResult r =
                reader.klines(
                        ADABTC,
                        Interval.M1,
                        TimeRange.parseDays("2021-11-27:2021-11-29"),
                        LATER,
                        out::addAll);
        assertThat(out).hasSize(10);
        assertThat(r.covered()).extracting(DumpFile::label).containsExactly("2021-11-27");
        assertThat(r.gaps())
                .extracting(DumpGap::reason)
                .containsExactly(Reason.NOT_FOUND, Reason.CHECKSUM_MISSING);
        assertThat(r.gaps().get(0).range()).isEqualTo(TimeRange.parseDays("2021-11-28:2021-11-28"));
        assertThat(r.gaps().get(0).detail()).contains("ADABTC-1m-2021-11-28.zip");
        assertThat(r.rangesForRest()).containsExactly(TimeRange.parseDays("2021-11-28:2021-11-29"));
    }

    @Test
    void notYetPublishedTailAndMissingMonthFallingBackToDays() throws Exception {
        mirror.write(adaDay(), adaSample()); // November 2021 monthly file does not exist
        long now = Micros.of(Instant.parse("2021-12-10T08:00:00Z"));
        TimeRange range = new TimeRange(Micros.of(LocalDate.of(2021, 11, 1)), now);
        List<Candle> out = new ArrayList<>();
        DumpResult r =
                new DumpReader(DumpSource.folder(dir))
                        .klines(ADABTC, Interval.M1, range, now, out::addAll);
        assertThat(out).hasSize(10);
        assertThat(r.covered()).extracting(DumpFile::label).containsExactly("2021-11-27");
        long notFound = r.gaps().stream().filter(g -> g.reason() == Reason.NOT_FOUND).count();
        assertThat(notFound)
                .isEqualTo(29 + 8); // Nov without the 27th, Dec 1..8 daily (now - 2 days)
        DumpGap tail = r.gaps().get(r.gaps().size() - 1);
        assertThat(tail.reason()).isEqualTo(Reason.NOT_YET_PUBLISHED);
        assertThat(tail.range())
                .isEqualTo(new TimeRange(Micros.of(LocalDate.of(2021, 12, 9)), now));
    }

    @Test
    void serverErrorIsTransient() throws Exception {
        mirror.write(adaDay(), adaSample());
        DumpReader reader =
                new DumpReader(DumpSource.http(mirror.serve(), java.time.Duration.ofSeconds(5)));
        mirror.failNext5xx.set(1);
        assertThatThrownBy(
                        () ->
                                reader.klines(
                                        ADABTC,
                                        Interval.M1,
                                        TimeRange.parseDays("2021-11-27:2021-11-27"),
                                        LATER,
                                        l -> {}))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("503");
    }

    @Test
    void badRowsNameFileLineAndColumn() throws Exception {
        Symbol s = Symbol.of("BTCUSDT");
        LocalDate d = LocalDate.of(2024, 1, 15);
        DumpFile f = DumpFile.daily(DumpKind.TRADES, s, null, d);
        long t = Micros.of(d) / 1000;
        mirror.write(
                f,
                "1,42.1,0.5,21.05," + t + ",True,True\n2,42.2,abc,1," + (t + 1) + ",False,True\n");
        DumpReader reader = new DumpReader(DumpSource.folder(dir));
        TimeRange day = TimeRange.parseDays("2024-01-15:2024-01-15");
        assertThatThrownBy(() -> reader.trades(s, day, LATER, l -> {}))
                .isInstanceOf(DumpFormatException.class)
                .hasMessageContaining("BTCUSDT-trades-2024-01-15.zip line 2")
                .hasMessageContaining("column 3");
        mirror.write(
                f,
                "1,42.1,0.5,21.05,"
                        + t
                        + ",True,True\n2,42.2,1,1,"
                        + (t * 1000 + 5)
                        + ",False,True\n");
        assertThatThrownBy(() -> reader.trades(s, day, LATER, l -> {}))
                .isInstanceOf(DumpFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("started in ms");
        mirror.write(
                f,
                "1,42.1,0.5,21.05,"
                        + t * 1000
                        + ",True,True\n2,42.2,1,42.2,"
                        + (t * 1000 + 5)
                        + ",false,false\n");
        List<Trade> out = new ArrayList<>();
        reader.trades(s, day, LATER, out::addAll);
        assertThat(out).extracting(Trade::tradeId).containsExactly(1L, 2L);
        assertThat(out.get(1).timeUs()).isEqualTo(t * 1000 + 5);
        assertThat(out.get(1).bestMatch()).isFalse();
        assertThat(out.get(0).quoteQty()).isEqualTo(new BigDecimal("21.05"));
    }
}
