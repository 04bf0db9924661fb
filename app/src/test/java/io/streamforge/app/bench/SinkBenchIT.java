package io.streamforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bench sink} at a tiny size, all parts real: embedded Kafka and PostgreSQL, our connector,
 * Kafka Connect standalone with the Debezium JDBC sink in a child JVM (classpath from {@code
 * bench-peers/debezium-jdbc/target/lib}, built before this module). Asserts what the bench must
 * show, never a rate: both sides stored the same rows and the ratio line was printed.
 */
class SinkBenchIT {
    @Test
    void bothSinksStoreTheSameRowsAndTheRatioIsPrinted() {
        var buf = new ByteArrayOutputStream();
        var out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        var o =
                new SinkBench.Options(
                        List.of(Symbol.of("BTCUSDT")),
                        TimeRange.parseDays("2024-01-01:2024-01-01"),
                        1,
                        1_000,
                        null);

        SinkBench.Result r = SinkBench.run(o, out);

        assertThat(r.records()).isGreaterThan(1_440); // one day of 1m candles + its aggTrades
        assertThat(r.rowsEqual()).isTrue();
        assertThat(r.oursStored().candles()).isEqualTo(2 * 1_440); // warm-up day + measured day
        assertThat(r.ours().records()).isEqualTo(r.records());
        assertThat(r.peer().records()).isEqualTo(r.records());
        String text = buf.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("equal (count + digest)");
        assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("ratio ours / debezium-jdbc  ");
    }
}
