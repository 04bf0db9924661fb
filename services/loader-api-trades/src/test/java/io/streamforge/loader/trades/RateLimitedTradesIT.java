package io.streamforge.loader.trades;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.DataMessage;
import io.streamforge.runtime.StopSignal;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An exchange that allows 12 request weight per minute and bans (418) the first request sent while
 * a 429's Retry-After runs ({@code requestsBeforeBan = 0}): the loader must wait each 429 out as
 * Retry-After says, and still deliver every aggTrade once. Takes up to a few wall-clock minutes
 * (the simulator's window is a wall-clock minute).
 */
class RateLimitedTradesIT {
    @Test
    void every429IsWaitedOutSoTheExchangeNeverBansAndNothingIsLost() {
        Symbol btc = Symbol.of("BTCUSDT");
        String days = "2024-02-03:2024-02-03";
        try (EmbeddedKafkaBroker kafka = TradesHarness.kafka();
                ExchangeSimulator sim =
                        ExchangeSimulator.start(
                                SimConfig.defaults()
                                        .withSymbols(List.of(btc))
                                        .withWeightLimitPerMinute(12)
                                        .withRequestsBeforeBan(0))) {
            String q = "loader-trades-it-2024-02-03-dddddd";
            var env = TradesHarness.env(kafka, sim, q, "BTCUSDT", days);
            assertThat(TradesHarness.run(env, new StopSignal())).isZero();

            assertThat(sim.stats().tooManyRequests()).as("the exchange pushed back").isPositive();
            assertThat(sim.stats().banned()).as("no request while limited").isZero();
            TimeRange r = TimeRange.parseDays(days);
            List<AggTrade> want = sim.model().aggTrades(btc, r.startUs(), r.endUs());
            List<AggTrade> got =
                    TradesHarness.data(kafka, q).stream()
                            .filter(m -> m.body() instanceof DataMessage.Data)
                            .map(m -> (AggTrade) ((DataMessage.Data) m.body()).record())
                            .toList();
            assertThat(got).isEqualTo(want);
        }
    }
}
