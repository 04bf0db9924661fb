package io.streamforge.domain.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Coverage of real Binance data read from {@code ../shared/realdata} (freqtrade's GPL test data and
 * a no-licence copy of a Binance dump: read in place, never copied); skipped when absent.
 */
class RealDataCoverageTest {
    static final long MIN = 60_000_000L;
    static final CoverageKey AGG = CoverageKey.aggTrades(Symbol.of("XRPETH"));
    static final CoverageKey XRP_1M = CoverageKey.klines(Symbol.of("XRPETH"), Interval.M1);
    static long[] ids;
    static long[] times;

    static Path shared(String file) {
        String root = System.getProperty("streamforge.shared");
        assumeTrue(root != null, "system property streamforge.shared not set: skipping");
        Path p = Path.of(root, "realdata", file);
        assumeTrue(Files.isRegularFile(p), p + " absent: skipping real-data test");
        return p;
    }

    @BeforeAll
    static void readTrades() throws IOException {
        List<String> lines =
                Files.readAllLines(
                        shared("trades/XRPETH-aggTrades-20191011-20191013.vision-format.csv"));
        ids = new long[lines.size()];
        times = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            ids[i] = Long.parseLong(f[0]);
            times[i] = Micros.fromMs(Long.parseLong(f[5]));
        }
    }

    @Test
    void xrpethAggTradesHaveContiguousIdsAndNoGaps() {
        assertThat(ids).hasSize(12_477);
        assertThat(Coverage.idGaps(AGG, ids, times, "q")).isEmpty();
        assertThat(Coverage.idCovered(ids, times))
                .containsExactly(new TimeRange(1_570_752_011_620_000L, 1_570_965_568_844_000L + 1));
    }

    @Test
    void plantedMissingAggIdsAreFoundWithTheirTimes() {
        int cut = 5000; // drop ids at indexes 5000..5004
        long[] ids2 =
                LongStream.concat(LongStream.of(ids).limit(cut), LongStream.of(ids).skip(cut + 5))
                        .toArray();
        long[] times2 =
                LongStream.concat(
                                LongStream.of(times).limit(cut), LongStream.of(times).skip(cut + 5))
                        .toArray();
        List<Gap> gaps = Coverage.idGaps(AGG, ids2, times2, "q");
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).ids()).isEqualTo(new IdRange(ids[cut], ids[cut + 4]));
        assertThat(gaps.get(0).range())
                .isEqualTo(new TimeRange(times[cut - 1], times[cut + 5] + 1));
        assertThat(Coverage.idCovered(ids2, times2)).hasSize(2);
    }

    @Test
    void minutesWithoutTradesAreExactlyTheZeroVolumeCandlesOfFreqtrade() throws IOException {
        String json =
                Files.readString(
                        shared("klines/XRPETH-1m-20191011-20191013.freqtrade-from-aggTrades.json"));
        Matcher m =
                Pattern.compile("\\[(\\d{13}),[^,]+,[^,]+,[^,]+,[^,]+,([0-9.]+)\\]").matcher(json);
        List<Long> opens = new ArrayList<>();
        TreeSet<Long> zeroVolume = new TreeSet<>();
        while (m.find()) {
            long open = Micros.fromMs(Long.parseLong(m.group(1)));
            opens.add(open);
            if (Double.parseDouble(m.group(2)) == 0.0) {
                zeroVolume.add(open);
            }
        }
        assertThat(opens).hasSize(3_560);
        long first = opens.get(0);
        TimeRange all = new TimeRange(first, first + 3_560 * MIN);
        long[] candleOpens = opens.stream().mapToLong(Long::longValue).toArray();
        assertThat(Coverage.klineGaps(XRP_1M, all, candleOpens, "")).isEmpty();

        long[] tradeMinutes =
                LongStream.of(times).map(Interval.M1::openTimeOf).distinct().toArray();
        TreeSet<Long> gapMinutes = new TreeSet<>();
        for (Gap g : Coverage.klineGaps(XRP_1M, all, tradeMinutes, "")) {
            for (long t = g.range().startUs(); t < g.range().endUs(); t += MIN) {
                gapMinutes.add(t);
            }
        }
        assertThat(zeroVolume).isNotEmpty();
        assertThat(gapMinutes).isEqualTo(zeroVolume);
    }

    @Test
    void aPlantedMissingMinuteIsOneGapOfOneMinute() throws IOException {
        List<String> lines = Files.readAllLines(shared("klines/BTCUSDT-1h-2022-01.csv"));
        long[] opens =
                lines.stream()
                        .skip(1)
                        .mapToLong(l -> Micros.fromMs(Long.parseLong(l.split(",")[0])))
                        .toArray();
        CoverageKey h1 = CoverageKey.klines(Symbol.of("BTCUSDT"), Interval.H1);
        TimeRange january = TimeRange.parseDays("2022-01-01:2022-01-31");
        assertThat(Coverage.klineGaps(h1, january, opens, "")).isEmpty();

        long first = opens[0];
        long planted = first + 777 * MIN;
        long[] minutes =
                LongStream.range(0, 1440)
                        .map(i -> first + i * MIN)
                        .filter(t -> t != planted)
                        .toArray();
        CoverageKey m1 = CoverageKey.klines(Symbol.of("BTCUSDT"), Interval.M1);
        List<Gap> gaps =
                Coverage.klineGaps(m1, new TimeRange(first, first + 1440 * MIN), minutes, "");
        assertThat(gaps)
                .extracting(Gap::range)
                .containsExactly(new TimeRange(planted, planted + MIN));
        assertThat(gaps.get(0).reason()).isEqualTo("no kline for 1 open time 2022-01-01T12:57:00Z");
    }
}
