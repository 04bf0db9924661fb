package io.streamforge.loader.candles;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.sim.DumpFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the candles worker reads from (simulator over loopback, in-process Kafka): dump files
 * across the ms/µs switch, SOURCE=auto around an unverifiable dump file, and intervals other than
 * 1m.
 */
class CandlesSourcesIT extends CandlesItBase {
    static List<Candle> expected(Symbol s, Interval interval, String days) {
        TimeRange r = TimeRange.parseDays(days);
        return platform.sim.model().klines(s, interval, r.startUs(), r.endUs());
    }

    static List<Candle> expected(Symbol s, String days) {
        return expected(s, Interval.M1, days);
    }

    @Test
    void dumpFilesAcrossTheMicrosecondSwitchGiveTheSameCandlesAsRest() {
        assertThat(platform.sim.faults().microsSwitchDate()).hasToString("2025-01-01");
        String days = "2024-12-31:2025-01-01";
        String dump = "loader-candles-it-2024-12-31-cccccc";
        Map<String, String> env = platform.env(dump, "BTCUSDT", days);
        env.put("SOURCE", "dump");
        env.put("DUMP_BASE_URL", platform.sim.baseUrl());
        long restCallsBefore = platform.sim.stats().endpoint(KLINES).requests();
        assertThat(platform.run(env)).isZero();
        assertThat(platform.sim.stats().endpoint(KLINES).requests())
                .as("SOURCE=dump never asks REST")
                .isEqualTo(restCallsBefore);
        List<SimAndKafka.Published> out = platform.data(dump);
        assertThat(CandlesLoaderIT.candles(out).get(BTC)).isEqualTo(expected(BTC, days));
        List<Received> facts = CandlesLoaderIT.received(out);
        assertThat(facts).extracting(Received::source).containsOnly(Source.DUMP);
        assertThat(CandlesLoaderIT.merged(facts, BTC)).containsExactly(TimeRange.parseDays(days));

        String ms = "loader-candles-it-2024-12-31-dddddd";
        Map<String, String> rest = platform.env(ms, "BTCUSDT", days);
        rest.put("BINANCE_TIME_UNIT", "MILLISECOND");
        assertThat(platform.run(rest)).isZero();
        assertThat(CandlesLoaderIT.candles(platform.data(ms)).get(BTC))
                .isEqualTo(expected(BTC, days));
    }

    static Map<String, String> auto(String q, String days) {
        Map<String, String> env = platform.env(q, "BTCUSDT", days);
        env.put("SOURCE", "auto");
        env.put("DUMP_BASE_URL", platform.sim.baseUrl());
        return env;
    }

    @Test
    void autoReadsAMissingDumpDayFromRestAndCreditsItToRest() {
        String q = "loader-candles-it-2024-04-02-iiiiii";
        String days = "2024-04-02:2024-04-04";
        platform.sim.faults().missingDumpFiles(Set.of("BTCUSDT-1m-2024-04-03.zip"));
        assertThat(platform.run(auto(q, days))).isZero();
        List<SimAndKafka.Published> out = platform.data(q);
        assertThat(CandlesLoaderIT.candles(out).get(BTC))
                .as("dump days first, then the REST day")
                .containsExactlyInAnyOrderElementsOf(expected(BTC, days))
                .hasSize(3 * 1440);
        List<Received> facts = CandlesLoaderIT.received(out);
        assertThat(
                        CandlesLoaderIT.merged(
                                facts.stream().filter(r -> r.source() == Source.REST).toList(),
                                BTC))
                .as("only the missing day came from REST")
                .containsExactly(TimeRange.parseDays("2024-04-03:2024-04-03"));
        assertThat(CandlesLoaderIT.merged(facts, BTC)).containsExactly(TimeRange.parseDays(days));
    }

    /**
     * A mismatching {@code .CHECKSUM} is not a missing file: {@code DumpReader} rejects the archive
     * as a permanent error (libs/binance), so the load fails loudly instead of mixing sources.
     */
    @Test
    void anArchiveNotMatchingItsChecksumFailsTheLoadNamingTheFile() {
        String q = "loader-candles-it-2024-04-06-jjjjjj";
        platform.sim.faults().corruptDumpChecksums(Set.of("BTCUSDT-1m-2024-04-07.zip"));
        assertThat(platform.run(auto(q, "2024-04-06:2024-04-08"))).isEqualTo(1);
        var events = platform.events(q);
        var last = events.get(events.size() - 1);
        assertThat(last.status()).isEqualTo("error");
        assertThat(last.errorMessage())
                .contains("BTCUSDT-1m-2024-04-07.zip")
                .contains("does not match .CHECKSUM");
        assertThat(platform.data(q))
                .noneMatch(
                        p -> p.message() instanceof io.streamforge.kafka.DataMessage.EndOfStream);
    }

    @Test
    void hourlyAndDailyKlinesAreLoadedAsTheExchangeServesThem() {
        String days = "2024-05-01:2024-05-03";
        for (String code : List.of("1h", "1d")) {
            String q = "loader-candles-it-2024-05-01-" + code;
            Map<String, String> env = platform.env(q, "BTCUSDT", days);
            env.put("INTERVAL", code);
            assertThat(platform.run(env)).isZero();
            List<Candle> want = expected(BTC, Interval.of(code), days);
            assertThat(want).hasSize(code.equals("1h") ? 72 : 3);
            assertThat(CandlesLoaderIT.candles(platform.data(q)).get(BTC)).isEqualTo(want);
        }
    }

    @Test
    void dumpDirReadsALocalMirrorAndNeverTheNetwork(@TempDir Path mirror) {
        String q = "loader-candles-it-2024-06-01-kkkkkk";
        String days = "2024-06-01:2024-06-02";
        List<Path> written =
                platform.sim
                        .dumps()
                        .writeTo(
                                mirror,
                                DumpFiles.dailyKlinesPaths(
                                        BTC,
                                        Interval.M1,
                                        LocalDate.parse("2024-06-01"),
                                        LocalDate.parse("2024-06-02")));
        assertThat(written).hasSize(2);
        long dataBefore = platform.sim.stats().endpoint("/data").requests();
        long restBefore = platform.sim.stats().endpoint(KLINES).requests();
        Map<String, String> env = platform.env(q, "BTCUSDT", days);
        env.put("SOURCE", "dump");
        env.put("DUMP_DIR", mirror.toString());
        env.put("DUMP_BASE_URL", "http://127.0.0.1:9"); // would fail if it were used
        assertThat(platform.run(env)).isZero();
        assertThat(platform.sim.stats().endpoint("/data").requests()).isEqualTo(dataBefore);
        assertThat(platform.sim.stats().endpoint(KLINES).requests()).isEqualTo(restBefore);
        List<SimAndKafka.Published> out = platform.data(q);
        assertThat(CandlesLoaderIT.candles(out).get(BTC)).isEqualTo(expected(BTC, days));
        assertThat(CandlesLoaderIT.received(out))
                .extracting(Received::source)
                .containsOnly(Source.DUMP);
    }
}
