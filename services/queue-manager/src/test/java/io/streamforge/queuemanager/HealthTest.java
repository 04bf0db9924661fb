package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Readiness and liveness rules on a controlled clock (no Kafka probe started). */
class HealthTest {
    private final AtomicLong nowMs = new AtomicLong(1_000_000);
    private final Health health = new Health(5_000, 30_000, nowMs::get);

    private void allFine() {
        health.kafkaOk();
        health.reconciled(true);
        health.progressed();
    }

    @Test
    void readyOnlyOnceKafkaAndTheStoreAnsweredAndTheLoopRuns() {
        assertThat(health.ready()).isFalse();
        allFine();
        assertThat(health.ready()).isTrue();
        assertThat(health.details())
                .containsEntry("status", "UP")
                .containsEntry("kafka", "UP")
                .containsEntry("database", "UP")
                .containsEntry("telemetry_loop", "UP");
    }

    @Test
    void aKafkaOutageLongerThanTheStaleTimeMakesItUnreadyAndItRecovers() {
        allFine();
        nowMs.addAndGet(5_001);
        health.reconciled(true);
        health.progressed();
        assertThat(health.ready()).isFalse();
        assertThat(health.details()).containsEntry("kafka", "DOWN").containsEntry("database", "UP");
        health.kafkaOk();
        assertThat(health.ready()).isTrue();
    }

    @Test
    void aFailedReconcileMeansTheStoreIsDown() {
        allFine();
        health.reconciled(false);
        assertThat(health.ready()).isFalse();
        assertThat(health.details()).containsEntry("database", "DOWN");
    }

    @Test
    void aStalledLoopMakesItUnreadyButNotDead() {
        AtomicBoolean loopAlive = new AtomicBoolean(true);
        health.watchLoop(loopAlive::get);
        allFine();
        nowMs.addAndGet(30_001);
        health.kafkaOk();
        health.reconciled(true);
        assertThat(health.ready()).isFalse();
        assertThat(health.details()).containsEntry("telemetry_loop", "DOWN");
        assertThat(health.live()).isTrue();
        loopAlive.set(false);
        assertThat(health.live()).isFalse();
    }

    @Test
    void backoffDoublesUpToItsMaximumAndResets() {
        TelemetryConsumer.Backoff b = new TelemetryConsumer.Backoff(100, 500);
        assertThat(b.next()).isEqualTo(100);
        assertThat(b.next()).isEqualTo(200);
        assertThat(b.next()).isEqualTo(400);
        assertThat(b.next()).isEqualTo(500);
        assertThat(b.next()).isEqualTo(500);
        b.reset();
        assertThat(b.next()).isEqualTo(100);
    }
}
