package io.streamforge.app.rehearse;

import io.streamforge.app.rehearse.RenderedChart.KafkaTrigger;
import io.streamforge.app.rehearse.RenderedChart.ScaledObject;
import java.util.List;
import java.util.Map;

/**
 * What KEDA's {@code kafka} scaler and the HorizontalPodAutoscaler it drives decide, as pure
 * functions of the measured offsets (ADR 3301, KEDA addendum). Per partition, the lag is the latest
 * offset minus the group's committed one; with no committed offset it is the latest offset under
 * {@code offsetResetPolicy: earliest} and 0 under {@code latest}. A trigger's metric is the sum
 * over its topic's partitions, capped at {@code partitions × lagThreshold} unless {@code
 * allowIdleConsumers}. The HPA wants {@code ceil(metric / lagThreshold)} per trigger (the largest
 * wins), keeps the current count within its 10 % tolerance, and stays in {@code [min, max]}; the
 * ScaledObject is active while some trigger's metric exceeds its {@code activationLagThreshold},
 * and an inactive one goes to {@code minReplicaCount}.
 */
final class KedaRule {
    /** The HPA controller's default tolerance ({@code --horizontal-pod-autoscaler-tolerance}). */
    static final double TOLERANCE = 0.1;

    private KedaRule() {}

    /** One partition's offsets: the latest, and the group's committed one (-1: none). */
    record Offsets(long latest, long committed) {}

    /** One trigger's metric from its topic's partitions. */
    static long metric(KafkaTrigger t, List<Offsets> partitions) {
        long lag = 0;
        for (Offsets p : partitions) {
            if (p.committed() < 0) {
                lag += t.offsetResetEarliest() ? p.latest() : 0;
            } else {
                lag += Math.max(0, p.latest() - p.committed());
            }
        }
        long cap = (long) partitions.size() * t.lagThreshold();
        return !t.allowIdleConsumers() && lag > cap ? cap : lag;
    }

    /**
     * The replica count the HPA would set now, before its scale-down stabilization window.
     *
     * @param metrics each trigger's metric
     * @param current the replicas running now
     */
    static int desired(ScaledObject so, Map<KafkaTrigger, Long> metrics, int current) {
        int floor = Math.max(1, so.min());
        boolean active = false;
        int wanted = 0;
        for (KafkaTrigger t : so.triggers()) {
            long m = metrics.getOrDefault(t, 0L);
            active |= m > t.activationLagThreshold();
            double ratio = (double) m / ((double) t.lagThreshold() * Math.max(1, current));
            int want =
                    Math.abs(ratio - 1.0) <= TOLERANCE
                            ? current
                            : (int) Math.ceil((double) m / t.lagThreshold());
            wanted = Math.max(wanted, want);
        }
        if (!active) {
            return floor;
        }
        return Math.max(floor, Math.min(so.max(), wanted));
    }
}
