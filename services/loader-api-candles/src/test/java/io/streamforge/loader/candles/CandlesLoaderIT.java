package io.streamforge.loader.candles;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.Ranges;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.sim.SimStats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The candles worker against the exchange simulator over loopback, publishing to an in-process
 * Kafka broker: what lands on the data topic (every kline once, exact decimals, µs times, coverage
 * facts, end-of-stream markers last), the telemetry of a run, dump files across the ms/µs switch,
 * and how it fails (unknown symbol, 5xx bursts, a stop).
 */
class CandlesLoaderIT extends CandlesItBase {
    static List<Candle> expected(Symbol s, String days) {
        TimeRange r = TimeRange.parseDays(days);
        return platform.sim.model().klines(s, Interval.M1, r.startUs(), r.endUs());
    }

    /** The candles on the topic per symbol, in topic order. */
    static Map<Symbol, List<Candle>> candles(List<SimAndKafka.Published> out) {
        Map<Symbol, List<Candle>> by = new LinkedHashMap<>();
        for (var p : out) {
            if (p.message() instanceof DataMessage.Data d && d.record() instanceof Candle c) {
                by.computeIfAbsent(c.symbol(), k -> new ArrayList<>()).add(c);
            }
        }
        return by;
    }

    static List<Received> received(List<SimAndKafka.Published> out) {
        List<Received> all = new ArrayList<>();
        for (var p : out) {
            if (p.message() instanceof DataMessage.Coverage c) {
                assertThat(c.gaps()).as("no gap in a complete range").isEmpty();
                all.addAll(c.received());
            }
        }
        return all;
    }

    static List<TimeRange> merged(List<Received> received, Symbol s) {
        CoverageKey key = CoverageKey.klines(s, Interval.M1);
        return Ranges.merge(
                received.stream().filter(r -> r.key().equals(key)).map(Received::range).toList());
    }

    @Test
    void everyKlineOfTheRangeLandsOnceWithExactDecimalsAndMicrosecondTimes() {
        String q = "loader-candles-it-2024-03-01-aaaaaa";
        String days = "2024-03-01:2024-03-02";
        assertThat(platform.run(platform.env(q, "BTCUSDT,ETHUSDT", days))).isZero();

        List<SimAndKafka.Published> out = platform.data(q);
        Map<Symbol, List<Candle>> bySymbol = candles(out);
        assertThat(bySymbol.keySet()).containsExactlyInAnyOrder(BTC, ETH);
        for (Symbol s : List.of(BTC, ETH)) {
            List<Candle> want = expected(s, days);
            assertThat(want).hasSize(2 * 1440);
            assertThat(bySymbol.get(s)).as(s.value()).isEqualTo(want);
            assertThat(bySymbol.get(s))
                    .extracting(c -> c.openTimeUs() % 60_000_000L)
                    .as("open times in µs on the minute")
                    .containsOnly(0L);
            assertThat(bySymbol.get(s))
                    .extracting(c -> c.closeTimeUs() - c.openTimeUs())
                    .as("close = the minute's last millisecond, in µs")
                    .containsOnly(59_999_000L);
        }
        Set<String> keys = new HashSet<>();
        out.stream()
                .filter(p -> p.message() instanceof DataMessage.Data)
                .forEach(
                        p ->
                                assertThat(
                                                keys.add(
                                                        ((DataMessage.Data) p.message())
                                                                .record()
                                                                .key()))
                                        .as("published once: " + p.json())
                                        .isTrue());
        Candle first = expected(BTC, days).get(0);
        assertThat(out)
                .as("decimals travel as the exchange's plain strings, times in µs")
                .anySatisfy(
                        p ->
                                assertThat(p.json())
                                        .contains(
                                                "\"open\":\"" + first.open().toPlainString() + "\"")
                                        .contains("\"open_time_us\":" + first.openTimeUs() + ","));
        TimeRange range = TimeRange.parseDays(days);
        List<Received> facts = received(out);
        assertThat(facts).extracting(Received::source).containsOnly(Source.REST);
        assertThat(facts).extracting(Received::queueId).containsOnly(q);
        assertThat(merged(facts, BTC)).containsExactly(range);
        assertThat(merged(facts, ETH)).containsExactly(range);
        assertEndOfStreamLastOnEveryPartition(out, q, 4 * 1440);
    }

    static void assertEndOfStreamLastOnEveryPartition(
            List<SimAndKafka.Published> out, String q, long records) {
        String producer = CandlesLoader.SERVICE + "__" + q;
        for (int part = 0; part < 2; part++) {
            int p = part;
            List<SimAndKafka.Published> onPart =
                    out.stream().filter(m -> m.partition() == p).toList();
            assertThat(onPart).isNotEmpty();
            DataMessage last = onPart.get(onPart.size() - 1).message();
            assertThat(last)
                    .as("partition %d ends with the marker", p)
                    .isInstanceOfSatisfying(
                            DataMessage.EndOfStream.class,
                            eos -> {
                                assertThat(eos.producer()).isEqualTo(producer);
                                assertThat(eos.partition()).isEqualTo(p);
                                assertThat(eos.recordsSent()).isEqualTo(records);
                            });
            assertThat(onPart.stream().filter(m -> m.message() instanceof DataMessage.EndOfStream))
                    .hasSize(1);
        }
    }

    @Test
    void aRunReportsStartedThenFinishedWithTheRecordCount() {
        String q = "loader-candles-it-2024-03-05-bbbbbb";
        assertThat(platform.run(platform.env(q, "ETHUSDT", "2024-03-05:2024-03-05"))).isZero();
        List<TelemetryEvent> events = platform.events(q);
        assertThat(events).isNotEmpty();
        assertThat(events).extracting(TelemetryEvent::target).containsOnly(CandlesLoader.SERVICE);
        assertThat(events).extracting(TelemetryEvent::status).doesNotContain("error", "gap");
        assertThat(events.get(0).status()).isEqualTo("started");
        TelemetryEvent last = events.get(events.size() - 1);
        assertThat(last.status()).isEqualTo("finished");
        assertThat(last.recordsWritten()).isEqualTo(1440);
        assertThat(last.telemetryId()).isEqualTo(CandlesLoader.SERVICE + "__" + q);
    }

    @Test
    void aResumedAttemptLoadsOnlyItsLoadRangesAndNamesItsAttempt() {
        String q = "loader-candles-it-2024-03-06-gggggg";
        String days = "2024-03-06:2024-03-06";
        TimeRange day = TimeRange.parseDays(days);
        TimeRange rest = new TimeRange(day.startUs() + 21 * 3_600_000_000L, day.endUs());
        Map<String, String> env = platform.env(q, "BTCUSDT,ETHUSDT", days);
        env.put("LOAD_RANGES", "BTCUSDT=" + rest.startUs() + "-" + rest.endUs() + ";ETHUSDT=");
        env.put("ATTEMPT", "2");
        long before = platform.sim.stats().endpoint(KLINES).requests();
        assertThat(platform.run(env)).isZero();

        Map<Symbol, List<Candle>> got = candles(platform.data(q));
        assertThat(got.keySet()).as("ETHUSDT has nothing left to load").containsExactly(BTC);
        assertThat(got.get(BTC))
                .isEqualTo(
                        platform.sim
                                .model()
                                .klines(BTC, Interval.M1, rest.startUs(), rest.endUs()));
        assertThat(platform.sim.stats().endpoint(KLINES).requests() - before)
                .as("180 candles: one page")
                .isEqualTo(1);
        assertThat(merged(received(platform.data(q)), BTC)).containsExactly(rest);
        List<TelemetryEvent> events = platform.events(q);
        assertThat(events)
                .filteredOn(e -> e.status().equals("started") || e.status().equals("finished"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.extra()).containsEntry("attempt", 2));
    }

    @Test
    void anUnknownSymbolFailsAtOnceWithTheExchangesReasonAndNoMarker() {
        String q = "loader-candles-it-2024-03-01-eeeeee";
        SimStats.Counts before = platform.sim.stats().endpoint(KLINES);
        assertThat(platform.run(platform.env(q, "NOPEUSDT", "2024-03-01:2024-03-01"))).isEqualTo(1);
        SimStats.Counts after = platform.sim.stats().endpoint(KLINES);
        assertThat(after.clientErrors() - before.clientErrors())
                .as("a permanent error is not retried")
                .isEqualTo(1);
        assertThat(after.requests() - before.requests()).isEqualTo(1);
        TelemetryEvent last = lastEvent(q);
        assertThat(last.status()).isEqualTo("error");
        assertThat(last.errorMessage()).contains("-1121").contains("Invalid symbol");
        assertThat(platform.data(q)).noneMatch(p -> p.message() instanceof DataMessage.EndOfStream);
    }

    @Test
    void a5xxBurstIsRetriedAndEveryKlineStillLandsOnce() {
        String q = "loader-candles-it-2024-03-10-ffffff";
        String days = "2024-03-10:2024-03-11";
        platform.sim.faults().errorRate(0.5).errorStatus(503);
        long errorsBefore = platform.sim.stats().endpoint(KLINES).serverErrors();
        Map<String, String> env = platform.env(q, "BTCUSDT", days);
        env.put("BINANCE_MAX_RETRIES", "12");
        assertThat(platform.run(env)).isZero();
        assertThat(platform.sim.stats().endpoint(KLINES).serverErrors())
                .as("the exchange did fail some requests")
                .isGreaterThan(errorsBefore);
        List<SimAndKafka.Published> out = platform.data(q);
        assertThat(candles(out).get(BTC)).isEqualTo(expected(BTC, days));
        assertThat(lastEvent(q).status()).isEqualTo("finished");
    }

    @Test
    void a5xxOutlastingTheRetriesEndsInErrorTelemetryNamingTheStatus() {
        String q = "loader-candles-it-2024-03-12-gggggg";
        platform.sim.faults().errorRate(1.0).errorStatus(502);
        long before = platform.sim.stats().endpoint(KLINES).serverErrors();
        Map<String, String> env = platform.env(q, "BTCUSDT", "2024-03-12:2024-03-12");
        env.put("BINANCE_MAX_RETRIES", "2");
        assertThat(platform.run(env)).isEqualTo(1);
        assertThat(platform.sim.stats().endpoint(KLINES).serverErrors() - before)
                .as("the first try and two retries")
                .isEqualTo(3);
        TelemetryEvent last = lastEvent(q);
        assertThat(last.status()).isEqualTo("error");
        assertThat(last.errorMessage()).contains(KLINES).contains("HTTP 502");
        assertThat(platform.data(q)).noneMatch(p -> p.message() instanceof DataMessage.EndOfStream);
    }

    @Test
    void aMaintenanceWindowBecomesOneExpectedGapWithGapTelemetry() {
        String q = "loader-candles-it-2024-03-20-hhhhhh";
        String days = "2024-03-20:2024-03-20";
        long hourUs = 3_600_000_000L;
        long start = TimeRange.parseDays(days).startUs() + 5 * hourUs;
        TimeRange window = new TimeRange(start, start + hourUs / 2);
        List<Candle> want;
        platform.sim.faults().maintenance(List.of(window));
        try {
            want = expected(BTC, days);
            assertThat(platform.run(platform.env(q, "BTCUSDT", days))).isZero();
        } finally {
            platform.sim.faults().maintenance(List.of());
        }
        assertThat(want).hasSize(1440 - 30);
        List<SimAndKafka.Published> out = platform.data(q);
        assertThat(candles(out).get(BTC)).isEqualTo(want);
        List<Gap> gaps = new ArrayList<>();
        out.stream()
                .filter(p -> p.message() instanceof DataMessage.Coverage)
                .forEach(p -> gaps.addAll(((DataMessage.Coverage) p.message()).gaps()));
        assertThat(gaps).isNotEmpty().allMatch(g -> g.range().equals(window));
        assertThat(gaps.get(gaps.size() - 1).status())
                .as("REST has nothing either: the exchange was down, not the loader")
                .isEqualTo(GapStatus.EXPECTED);
        List<TelemetryEvent> gapEvents =
                platform.events(q).stream().filter(e -> e.status().equals("gap")).toList();
        assertThat(gapEvents)
                .last()
                .satisfies(
                        e -> {
                            assertThat(e.extra()).containsEntry("gap_status", "expected");
                            assertThat(e.extra()).containsEntry("symbol", "BTCUSDT");
                            assertThat(((Number) e.extra().get("from_us")).longValue())
                                    .isEqualTo(window.startUs());
                            assertThat(((Number) e.extra().get("to_us")).longValue())
                                    .isEqualTo(window.endUs());
                        });
        assertThat(lastEvent(q).status()).isEqualTo("finished");
    }

    @Test
    void aSlowLoadReportsGrowingProgressBeforeItFinishes() {
        String q = "loader-candles-it-2024-04-10-llllll";
        platform.sim.faults().latencyMs(400); // ~15 pages: several 2-second progress ticks
        assertThat(platform.run(platform.env(q, "BTCUSDT", "2024-04-10:2024-04-19"))).isZero();
        List<TelemetryEvent> events = platform.events(q);
        List<Long> progress =
                events.stream()
                        .filter(e -> e.status().equals("loading"))
                        .map(TelemetryEvent::recordsWritten)
                        .toList();
        assertThat(progress).isNotEmpty().isSorted().allMatch(n -> n > 0 && n <= 10 * 1440);
        assertThat(events.get(events.size() - 1).status()).isEqualTo("finished");
        assertThat(events.get(events.size() - 1).recordsWritten()).isEqualTo(10 * 1440);
    }

    static TelemetryEvent lastEvent(String q) {
        List<TelemetryEvent> events = platform.events(q);
        assertThat(events).isNotEmpty();
        return events.get(events.size() - 1);
    }
}
