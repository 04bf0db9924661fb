package io.streamforge.connector;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which loaders' end-of-stream markers were seen on which partition. The state per partition is
 * saved in the committed offset's metadata ({@code eos:a,b}), so a restarted connector knows the
 * markers it already passed.
 */
final class EndOfStreamTracker {
    private static final String PREFIX = "eos:";
    private final Set<String> expected;
    private final Map<Integer, Set<String>> seen = new HashMap<>();

    EndOfStreamTracker(Set<String> expectedProducers) {
        this.expected = Set.copyOf(expectedProducers);
    }

    void mark(int partition, String producer) {
        seen.computeIfAbsent(partition, p -> new TreeSet<>()).add(producer);
    }

    void restore(int partition, String metadata) {
        if (metadata != null
                && metadata.startsWith(PREFIX)
                && metadata.length() > PREFIX.length()) {
            Arrays.stream(metadata.substring(PREFIX.length()).split(","))
                    .forEach(p -> mark(partition, p));
        }
    }

    String metadata(int partition) {
        Set<String> s = seen.getOrDefault(partition, Set.of());
        return PREFIX + s.stream().sorted().collect(Collectors.joining(","));
    }

    boolean partitionDone(int partition) {
        return seen.getOrDefault(partition, Set.of()).containsAll(expected);
    }

    boolean allDone(int partitionCount) {
        for (int p = 0; p < partitionCount; p++) {
            if (!partitionDone(p)) {
                return false;
            }
        }
        return true;
    }
}
