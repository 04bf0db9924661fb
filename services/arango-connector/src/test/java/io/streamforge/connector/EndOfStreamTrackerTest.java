package io.streamforge.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The end-of-stream state per partition and its round trip through the offset metadata. */
class EndOfStreamTrackerTest {
    @Test
    void aPartitionIsDoneOnlyWithTheMarkerOfEveryExpectedProducer() {
        EndOfStreamTracker t = new EndOfStreamTracker(Set.of("candles", "trades"));
        t.mark(0, "candles");
        assertThat(t.partitionDone(0)).isFalse();
        t.mark(0, "stranger");
        assertThat(t.partitionDone(0)).as("an unexpected producer does not count").isFalse();
        t.mark(0, "trades");
        assertThat(t.partitionDone(0)).isTrue();
        assertThat(t.partitionDone(1)).isFalse();
    }

    @Test
    void allDoneNeedsEveryPartitionBelowTheCount() {
        EndOfStreamTracker t = new EndOfStreamTracker(Set.of("p"));
        t.mark(0, "p");
        t.mark(2, "p");
        assertThat(t.allDone(1)).isTrue();
        assertThat(t.allDone(3)).as("partition 1 has no marker yet").isFalse();
        t.mark(1, "p");
        assertThat(t.allDone(3)).isTrue();
    }

    @Test
    void metadataIsSortedAndRestoresTheSameState() {
        EndOfStreamTracker t = new EndOfStreamTracker(Set.of("b", "a"));
        t.mark(4, "b");
        t.mark(4, "a");
        t.mark(4, "a");
        assertThat(t.metadata(4)).isEqualTo("eos:a,b");
        assertThat(t.metadata(5)).isEqualTo("eos:");

        EndOfStreamTracker restarted = new EndOfStreamTracker(Set.of("a", "b"));
        restarted.restore(4, t.metadata(4));
        assertThat(restarted.partitionDone(4)).isTrue();
        assertThat(restarted.metadata(4)).isEqualTo("eos:a,b");
    }

    @Test
    void foreignOrEmptyMetadataRestoresNothing() {
        EndOfStreamTracker t = new EndOfStreamTracker(Set.of("p"));
        t.restore(0, null);
        t.restore(0, "");
        t.restore(0, "eos:");
        t.restore(0, "committed by another tool");
        assertThat(t.partitionDone(0)).isFalse();
        assertThat(t.metadata(0)).isEqualTo("eos:");
    }

    @Test
    void noExpectedProducerMeansEveryPartitionIsDone() {
        assertThat(new EndOfStreamTracker(Set.of()).allDone(3)).isTrue();
    }
}
