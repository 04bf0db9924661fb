package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The simulated book stays a real book at every update id: both sides present, never crossed —
 * including minutes in which the mid price drifts far (a wiped-out side once made a depth snapshot
 * come back with {@code "bids":[]} depending on the time of day).
 */
class OrderBookInvariantTest {
    @Test
    void bothSidesPresentAndUncrossedAfterEveryUpdate() {
        MarketModel model = new MarketModel(SimConfig.defaults());
        long startId = Micros.of(LocalDate.of(2026, 11, 20)) / OrderBook.STEP_US;
        for (String name : new String[] {"BTCUSDT", "ETHUSDT", "DOGEUSDT"}) {
            SymbolSpec spec = model.spec(Symbol.of(name));
            // 300 minutes spread over ~2 days, each walked update by update
            for (int m = 0; m < 300; m++) {
                long checkpoint = startId + (long) m * 577 * OrderBook.CHECKPOINT;
                OrderBook book =
                        OrderBook.at(
                                model,
                                spec,
                                checkpoint - Math.floorMod(checkpoint, OrderBook.CHECKPOINT));
                for (int i = 0; i < OrderBook.CHECKPOINT; i++) {
                    book.next(null);
                    assertThat(book.bids)
                            .as("%s bids at update %d", name, book.updateId)
                            .isNotEmpty();
                    assertThat(book.asks)
                            .as("%s asks at update %d", name, book.updateId)
                            .isNotEmpty();
                    assertThat(book.bids.firstKey())
                            .as("%s not crossed at %d", name, book.updateId)
                            .isLessThan(book.asks.firstKey());
                }
            }
        }
    }
}
