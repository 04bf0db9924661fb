package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.rehearse.KedaRule.Offsets;
import io.streamforge.app.rehearse.RenderedChart.KafkaTrigger;
import io.streamforge.app.rehearse.RenderedChart.ScaledObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KEDA's kafka scaler + the HPA's rule as the rehearsal's stand-in applies them, and the backlog it
 * writes to make that rule scale: against KEDA's documented semantics, not against itself.
 */
class KedaRuleTest {
    private static final KafkaTrigger EARLIEST =
            new KafkaTrigger("live.aggTrade", "g", 5000, 100, true, false);
    private static final KafkaTrigger LATEST =
            new KafkaTrigger("live.kline_1m", "g", 5000, 100, false, false);
    private static final ScaledObject SO =
            new ScaledObject("so", "sf-connector-live", 1, 6, 30, 300, List.of(EARLIEST, LATEST));

    @Test
    void aPartitionWithoutACommittedOffsetCountsItsWholeLogOnlyUnderEarliest() {
        List<Offsets> p = List.of(new Offsets(700, -1), new Offsets(900, 400), new Offsets(0, -1));
        assertThat(KedaRule.metric(EARLIEST, p)).isEqualTo(700 + 500);
        assertThat(KedaRule.metric(LATEST, p)).isEqualTo(500);
    }

    @Test
    void theLagIsCappedAtPartitionsTimesThresholdUnlessIdleConsumersAreAllowed() {
        List<Offsets> two = List.of(new Offsets(40_000, 0), new Offsets(1, 0));
        assertThat(KedaRule.metric(EARLIEST, two)).isEqualTo(2 * 5000);
        KafkaTrigger idle = new KafkaTrigger("t", "g", 5000, 100, true, true);
        assertThat(KedaRule.metric(idle, two)).isEqualTo(40_001);
    }

    @Test
    void theHpaWantsTheCeilingOfLagOverThresholdTheLargestTriggerWinsWithinTheBounds() {
        assertThat(KedaRule.desired(SO, Map.of(EARLIEST, 10_560L, LATEST, 10L), 1)).isEqualTo(3);
        assertThat(KedaRule.desired(SO, Map.of(EARLIEST, 200L, LATEST, 15_001L), 1)).isEqualTo(4);
        assertThat(KedaRule.desired(SO, Map.of(EARLIEST, 90_000L), 1)).isEqualTo(6);
    }

    @Test
    void withinTheTenPercentToleranceTheCurrentCountStays() {
        // 3 replicas, lag 15,600 = 1.04 × 3 × 5000: no change although ceil(15,600/5000) = 4
        assertThat(KedaRule.desired(SO, Map.of(EARLIEST, 15_600L), 3)).isEqualTo(3);
        assertThat(KedaRule.desired(SO, Map.of(EARLIEST, 16_600L), 3)).isEqualTo(4);
    }

    @Test
    void anInactiveScaledObjectGoesToItsMinimumAndNeverBelowOnePod() {
        assertThat(KedaRule.desired(SO, Map.of(EARLIEST, 100L, LATEST, 0L), 3)).isEqualTo(1);
        ScaledObject two = new ScaledObject("so", "d", 2, 6, 30, 300, List.of(EARLIEST));
        assertThat(KedaRule.desired(two, Map.of(EARLIEST, 0L), 5)).isEqualTo(2);
        ScaledObject zero = new ScaledObject("so", "d", 0, 6, 30, 300, List.of(EARLIEST));
        assertThat(KedaRule.desired(zero, Map.of(EARLIEST, 0L), 2))
                .as("the rehearsal keeps the Deployment's first pod")
                .isEqualTo(1);
    }

    @Test
    void theBacklogIsTheFewestHoursThatMakeTheRuleWantThreeReplicas() {
        long end = 1_714_521_600_000_000L; // 2024-05-01T00:00Z
        LiveBacklog.Plan plan = LiveBacklog.plan(SO, 2, 1440, end).orElseThrow();
        assertThat(plan.trigger()).isEqualTo(EARLIEST);
        assertThat(plan.replicas()).isEqualTo(3);
        assertThat(plan.range().endUs()).isEqualTo(end);
        long hours = (end - plan.range().startUs()) / 3_600_000_000L;
        long records = hours * 2 * 60; // 1,440 aggTrades a day = 60 an hour per symbol
        assertThat(KedaRule.desired(SO, Map.of(EARLIEST, records), 1)).isEqualTo(3);
        assertThat(KedaRule.desired(SO, Map.of(EARLIEST, records - 2 * 60), 1))
                .as("an hour less would not be enough")
                .isLessThan(3);
    }

    @Test
    void noBacklogWhenTheDeploymentCannotScaleOrNoTopicCarriesASimulatedStream() {
        long end = 1_714_521_600_000_000L;
        ScaledObject one = new ScaledObject("so", "d", 1, 1, 30, 300, List.of(EARLIEST));
        assertThat(LiveBacklog.plan(one, 2, 1440, end)).isEmpty();
        KafkaTrigger depth = new KafkaTrigger("live.trade", "g", 5000, 100, true, false);
        ScaledObject trades = new ScaledObject("so", "d", 1, 6, 30, 300, List.of(depth));
        assertThat(LiveBacklog.plan(trades, 2, 1440, end)).isEmpty();
        KafkaTrigger huge = new KafkaTrigger("live.aggTrade", "g", 10_000_000, 100, true, false);
        ScaledObject slow = new ScaledObject("so", "d", 1, 6, 30, 300, List.of(huge));
        assertThat(LiveBacklog.plan(slow, 2, 1440, end)).as("more than 60 days").isEmpty();
        assertThat(LiveBacklog.perHour("kline_1m", 1440)).isEqualTo(60.0);
        assertThat(LiveBacklog.perHour("kline_1M", 1440)).isZero();
    }

    @Test
    void theHomelabScaledObjectIsReadWithItsTriggers() {
        Path chart = Path.of("../deploy/helm/streamforge");
        ScaledObject so =
                RenderedChart.render(chart, chart.resolve("values-homelab.yaml"))
                        .scaledObjects()
                        .get(0);
        assertThat(so.pollingIntervalS()).isEqualTo(30);
        assertThat(so.cooldownS()).isEqualTo(300);
        assertThat(so.triggers())
                .extracting(KafkaTrigger::topic)
                .containsExactly("live.aggTrade", "live.kline_1m");
        assertThat(so.triggers())
                .allSatisfy(
                        t -> {
                            assertThat(t.consumerGroup()).endsWith("connector-live");
                            assertThat(t.lagThreshold()).isEqualTo(5000);
                            assertThat(t.activationLagThreshold()).isEqualTo(100);
                            assertThat(t.offsetResetEarliest()).isTrue();
                            assertThat(t.allowIdleConsumers()).isFalse();
                        });
    }
}
