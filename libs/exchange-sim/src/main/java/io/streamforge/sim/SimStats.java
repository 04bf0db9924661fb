package io.streamforge.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counters of the simulator, per endpoint path; cheap to update, snapshot to read. */
public final class SimStats {
    /** Counters of one endpoint (or the total). */
    public record Counts(
            long requests,
            long ok,
            long clientErrors,
            long tooManyRequests,
            long banned,
            long serverErrors,
            long weight) {}

    private static final class Adders {
        final LongAdder requests = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder clientErrors = new LongAdder();
        final LongAdder tooMany = new LongAdder();
        final LongAdder banned = new LongAdder();
        final LongAdder serverErrors = new LongAdder();
        final LongAdder weight = new LongAdder();

        Counts counts() {
            return new Counts(
                    requests.sum(),
                    ok.sum(),
                    clientErrors.sum(),
                    tooMany.sum(),
                    banned.sum(),
                    serverErrors.sum(),
                    weight.sum());
        }
    }

    private final Map<String, Adders> byEndpoint = new ConcurrentHashMap<>();

    void record(String endpoint, int status, int weight) {
        Adders a = byEndpoint.computeIfAbsent(endpoint, k -> new Adders());
        a.requests.increment();
        a.weight.add(weight);
        if (status == 429) {
            a.tooMany.increment();
        } else if (status == 418) {
            a.banned.increment();
        } else if (status >= 500) {
            a.serverErrors.increment();
        } else if (status >= 400) {
            a.clientErrors.increment();
        } else {
            a.ok.increment();
        }
    }

    /** Counters per endpoint path, e.g. {@code /api/v3/klines}. */
    public Map<String, Counts> byEndpoint() {
        Map<String, Counts> out = new TreeMap<>();
        byEndpoint.forEach((k, v) -> out.put(k, v.counts()));
        return out;
    }

    /** Counters of one endpoint (zeros when never called). */
    public Counts endpoint(String path) {
        Adders a = byEndpoint.get(path);
        return a == null ? new Counts(0, 0, 0, 0, 0, 0, 0) : a.counts();
    }

    /** Sum over all endpoints. */
    public Counts total() {
        long[] t = new long[7];
        for (Counts c : byEndpoint().values()) {
            t[0] += c.requests();
            t[1] += c.ok();
            t[2] += c.clientErrors();
            t[3] += c.tooManyRequests();
            t[4] += c.banned();
            t[5] += c.serverErrors();
            t[6] += c.weight();
        }
        return new Counts(t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
    }

    public long requests() {
        return total().requests();
    }

    public long tooManyRequests() {
        return total().tooManyRequests();
    }

    public long banned() {
        return total().banned();
    }

    public void reset() {
        byEndpoint.clear();
    }
}
