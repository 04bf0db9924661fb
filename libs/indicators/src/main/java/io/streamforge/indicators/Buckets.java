package io.streamforge.indicators;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.util.Objects;
import java.util.function.Consumer;

/** Routes items to the candle of their interval, emitting finished candles and gap fillers. */
final class Buckets {
    private final Interval interval;
    private final GapPolicy policy;
    private final Consumer<Candle> sink;
    private CandleBuilder current;

    Buckets(Interval interval, GapPolicy policy, Consumer<Candle> sink) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.policy = Objects.requireNonNull(policy, "gap policy");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The builder for the interval containing {@code timeUs} (times must not go backwards). */
    CandleBuilder at(Symbol symbol, long timeUs) {
        long openTimeUs = interval.openTimeOf(timeUs);
        if (current != null && current.openTimeUs() == openTimeUs) {
            return current;
        }
        if (current != null) {
            Candle done = current.build();
            sink.accept(done);
            if (policy == GapPolicy.FLAT) {
                long t = interval.nextOpenTime(done.openTimeUs());
                for (; t < openTimeUs; t = interval.nextOpenTime(t)) {
                    sink.accept(CandleBuilder.flat(symbol, interval, t, done.close()));
                }
            }
        }
        current = new CandleBuilder(symbol, interval, openTimeUs);
        return current;
    }

    /** Emits the candle in progress (call at end of input). */
    void flush() {
        if (current != null) {
            sink.accept(current.build());
            current = null;
        }
    }
}
