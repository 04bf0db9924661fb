package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.loader.trades.TradesLoader;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A loader configured for 6,000 weight/min against an exchange that allows only 12: it gets 429s,
 * honours Retry-After and never sends while limited, so it is never banned (418), and still
 * delivers every record. Takes up to about a minute (the simulator's window is a wall-clock
 * minute).
 */
class RateLimitIT {
    @Test
    void a429IsHonouredAndNeverEscalatesToABan() throws Exception {
        Symbol btc = Symbol.of("BTCUSDT");
        try (var kafka = io.streamforge.embedded.EmbeddedKafkaBroker.start();
                ExchangeSimulator sim =
                        ExchangeSimulator.start(
                                SimConfig.defaults()
                                        .withSymbols(List.of(btc))
                                        .withWeightLimitPerMinute(12)
                                        .withPort(0))) {
            String q = "loader-ratelimit-2024-02-01-cccccc";
            kafka.createTopic(io.streamforge.kafka.Topics.EVENTS, 1);
            kafka.createTopic(io.streamforge.kafka.Topics.CONTROL, 1);
            int code =
                    WorkerRunner.run(
                            TradesLoader.SERVICE,
                            Map.of(
                                    "KAFKA_BOOTSTRAP_SERVERS",
                                    kafka.bootstrapServers(),
                                    "BINANCE_BASE_URL",
                                    sim.baseUrl(),
                                    "QUEUE_ID",
                                    q,
                                    "SYMBOL",
                                    "BTCUSDT",
                                    "TIME_RANGE",
                                    "2024-02-01:2024-02-01",
                                    "HTTP_PORT",
                                    "0"),
                            true,
                            TradesLoader::create,
                            new StopSignal(),
                            TimeSource.system());
            assertThat(code).isZero();
            assertThat(sim.stats().tooManyRequests()).as("the exchange did push back").isPositive();
            assertThat(sim.stats().banned()).as("never a 418").isZero();
            TimeRange r = TimeRange.parseDays("2024-02-01:2024-02-01");
            long expected = sim.model().aggTrades(btc, r.startUs(), r.endUs()).size();
            long published =
                    ConnectorIT.readAll(
                                    io.streamforge.kafka.KafkaSettings.plaintext(
                                            kafka.bootstrapServers()),
                                    q,
                                    (int) expected + 4)
                            .stream()
                            .filter(
                                    rec ->
                                            io.streamforge.kafka.RecordCodec.decode(rec.value())
                                                    instanceof
                                                    io.streamforge.kafka.DataMessage.Data)
                            .count();
            assertThat(published).isEqualTo(expected);
        }
    }
}
