package io.streamforge.loader.trades;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.Ranges;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.kafka.DataMessage;
import io.streamforge.runtime.StopSignal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Where the aggTrades worker reads from (simulator over loopback, in-process Kafka): dump files
 * around a missing day (SOURCE=auto and dump), dump files across the ms/µs switch, and trades the
 * exchange invalidated.
 */
class TradesSourcesIT extends TradesItBase {
    static final String AGG_TRADES = "/api/v3/aggTrades";

    static List<TradesHarness.Message> load(String q, String source, String days) {
        Map<String, String> env = TradesHarness.env(kafka, sim, q, "BTCUSDT", days);
        env.put("SOURCE", source);
        env.put("DUMP_BASE_URL", sim.baseUrl());
        assertThat(TradesHarness.run(env, new StopSignal())).isZero();
        return TradesHarness.data(kafka, q);
    }

    static List<AggTrade> byId(List<TradesHarness.Message> out) {
        return trades(out, BTC).stream().sorted(Comparator.comparingLong(AggTrade::aggId)).toList();
    }

    /** A 3-day load with the middle day's dump file missing (404 from the simulator). */
    static List<TradesHarness.Message> loadWithMissingDay(String q, String source) {
        sim.faults().missingDumpFiles(Set.of("BTCUSDT-aggTrades-2024-02-06.zip"));
        return load(q, source, "2024-02-05:2024-02-07");
    }

    static <T> List<T> facts(
            List<TradesHarness.Message> out, Function<DataMessage.Coverage, List<T>> part) {
        List<T> all = new ArrayList<>();
        out.stream()
                .filter(m -> m.body() instanceof DataMessage.Coverage)
                .forEach(m -> all.addAll(part.apply((DataMessage.Coverage) m.body())));
        return all;
    }

    @Test
    void autoReadsDumpDaysAndFillsAMissingDumpDayFromRest() {
        long restBefore = sim.stats().endpoint(AGG_TRADES).requests();
        List<TradesHarness.Message> out =
                loadWithMissingDay("loader-trades-it-2024-02-05-eeeeee", "auto");
        assertThat(sim.stats().endpoint(AGG_TRADES).requests()).isGreaterThan(restBefore);
        List<AggTrade> want = model(BTC, "2024-02-05:2024-02-07");
        List<AggTrade> got = byId(out); // dump days first, the REST day after them
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).aggId()).isEqualTo(want.get(i).aggId());
            assertThat(got.get(i).timeUs() / 1_000).isEqualTo(want.get(i).timeUs() / 1_000);
            assertThat(got.get(i).price()).isEqualTo(want.get(i).price());
        }
        List<Received> received = facts(out, DataMessage.Coverage::received);
        List<TimeRange> rest =
                received.stream()
                        .filter(r -> r.source() == Source.REST)
                        .map(Received::range)
                        .toList();
        assertThat(Ranges.merge(rest))
                .as("REST pages credit their parts of the day, the finished range all of it")
                .containsExactly(TimeRange.parseDays("2024-02-06:2024-02-06"));
        assertThat(received)
                .filteredOn(r -> r.source() == Source.DUMP)
                .extracting(Received::range)
                .containsExactlyInAnyOrder(
                        TimeRange.parseDays("2024-02-05:2024-02-05"),
                        TimeRange.parseDays("2024-02-07:2024-02-07"));
        assertThat(facts(out, DataMessage.Coverage::gaps)).isEmpty();
    }

    @Test
    void dumpOnlyRecordsTheMissingDayAsAMissingGapAndAsksRestNothing() {
        String q = "loader-trades-it-2024-02-05-ffffff";
        long restBefore = sim.stats().endpoint(AGG_TRADES).requests();
        List<TradesHarness.Message> out = loadWithMissingDay(q, "dump");
        assertThat(sim.stats().endpoint(AGG_TRADES).requests()).isEqualTo(restBefore);
        TimeRange day6 = TimeRange.parseDays("2024-02-06:2024-02-06");
        assertThat(trades(out, BTC))
                .hasSize(2 * sim.model().aggTradesPerDay())
                .noneMatch(a -> day6.contains(a.timeUs()));
        List<Gap> gaps = facts(out, DataMessage.Coverage::gaps);
        assertThat(gaps)
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.range()).isEqualTo(day6);
                            assertThat(g.status()).isEqualTo(GapStatus.MISSING);
                            assertThat(g.reason()).startsWith("dump");
                        });
        assertThat(TradesHarness.events(kafka, q))
                .filteredOn(e -> e.status().equals("gap"))
                .singleElement()
                .satisfies(e -> assertThat(e.extra()).containsEntry("gap_status", "missing"));
    }

    @Test
    void dumpFilesAcrossTheMicrosecondSwitchKeepMillisecondsBeforeAndMicrosecondsAfter() {
        assertThat(sim.faults().microsSwitchDate()).hasToString("2025-01-01");
        String days = "2024-12-31:2025-01-01";
        long restBefore = sim.stats().endpoint(AGG_TRADES).requests();
        List<AggTrade> got = byId(load("loader-trades-it-2024-12-31-gggggg", "dump", days));
        assertThat(sim.stats().endpoint(AGG_TRADES).requests()).isEqualTo(restBefore);
        List<AggTrade> want = model(BTC, days);
        assertThat(got).hasSameSizeAs(want);
        long switchUs = TimeRange.parseDays("2025-01-01:2025-01-01").startUs();
        for (int i = 0; i < got.size(); i++) {
            AggTrade w = want.get(i);
            long wantUs = w.timeUs() < switchUs ? w.timeUs() - w.timeUs() % 1_000 : w.timeUs();
            assertThat(got.get(i).aggId()).isEqualTo(w.aggId());
            assertThat(got.get(i).timeUs()).as("agg id %d", w.aggId()).isEqualTo(wantUs);
            assertThat(got.get(i).qty()).isEqualTo(w.qty());
        }
        assertThat(want)
                .as("both days have sub-ms times, so the test can tell the units apart")
                .anyMatch(a -> a.timeUs() < switchUs && a.timeUs() % 1_000 != 0)
                .anyMatch(a -> a.timeUs() >= switchUs && a.timeUs() % 1_000 != 0);
    }

    @Test
    void invalidatedTradesArePublishedFlaggedAndLeaveNoIdGap() {
        String days = "2024-02-10:2024-02-10";
        sim.faults().invalidAggTrades(0.05);
        List<AggTrade> want;
        List<TradesHarness.Message> out;
        try {
            want = model(BTC, days);
            out = load("loader-trades-it-2024-02-10-hhhhhh", "rest", days);
        } finally {
            sim.faults().invalidAggTrades(0);
        }
        assertThat(want).filteredOn(AggTrade::invalidated).isNotEmpty();
        List<AggTrade> got = trades(out, BTC);
        assertThat(got).isEqualTo(want);
        assertThat(got.stream().filter(AggTrade::invalidated))
                .allSatisfy(
                        a -> {
                            assertThat(a.firstTradeId()).isEqualTo(-1);
                            assertThat(a.lastTradeId()).isEqualTo(-1);
                        });
        assertThat(facts(out, DataMessage.Coverage::gaps)).as("no id is missing").isEmpty();
    }
}
