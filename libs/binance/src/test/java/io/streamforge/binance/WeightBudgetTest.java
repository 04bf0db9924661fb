package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WeightBudgetTest {
    private static final long MINUTE = 60_000L;
    private static final long T = 1_717_200_000_000L; // a whole minute

    @Test
    void grantsUntilTheAllowanceThenAsksToWaitForTheNextWindow() {
        WeightBudget b = new WeightBudget(10);
        assertThat(b.tryReserve(4, T + 1_000)).isZero();
        assertThat(b.tryReserve(4, T + 2_000)).isZero();
        assertThat(b.tryReserve(4, T + 15_000)).isEqualTo(45_000); // 12 > 10
        assertThat(b.tryReserve(2, T + 15_000)).isZero(); // exactly 10 fits
        assertThat(b.usedWeight(T + 15_000)).isEqualTo(10);
        assertThat(b.tryReserve(4, T + MINUTE)).isZero(); // new window
        assertThat(b.usedWeight(T + MINUTE)).isEqualTo(4);
    }

    @Test
    void headerReplacesTheLocalCountPlusWeightInFlight() {
        WeightBudget b = new WeightBudget(100);
        b.tryReserve(2, T);
        b.tryReserve(2, T); // still in flight
        b.complete(2, 80, T, T + 10); // other users of the IP used 78
        assertThat(b.usedWeight(T + 10)).isEqualTo(82);
        assertThat(b.headerCorrections()).isEqualTo(1);
        assertThat(b.tryReserve(20, T + 20)).isEqualTo(MINUTE - 20);
    }

    @Test
    void aHeaderFromThePreviousWindowDoesNotPolluteTheNewOne() {
        WeightBudget b = new WeightBudget(100);
        b.tryReserve(2, T + MINUTE - 5);
        b.complete(2, 99, T + MINUTE - 5, T + MINUTE + 5);
        assertThat(b.usedWeight(T + MINUTE + 5)).isZero();
    }

    @Test
    void missingHeaderKeepsTheLocalCount() {
        WeightBudget b = new WeightBudget(100);
        b.tryReserve(7, T);
        b.complete(7, -1, T, T + 1);
        assertThat(b.usedWeight(T + 1)).isEqualTo(7);
    }

    @Test
    void blockStopsEveryReservationUntilItEnds() {
        WeightBudget b = new WeightBudget(100);
        b.blockUntil(T + 7_000);
        b.blockUntil(T + 3_000); // an earlier end never shortens the block
        assertThat(b.tryReserve(1, T)).isEqualTo(7_000);
        assertThat(b.tryReserve(1, T + 6_999)).isEqualTo(1);
        assertThat(b.tryReserve(1, T + 7_000)).isZero();
        assertThat(b.rateLimitBlocks()).isEqualTo(2);
    }

    @Test
    void rejectsWeightsThatCanNeverFit() {
        WeightBudget b = new WeightBudget(50);
        assertThatThrownBy(() -> b.tryReserve(51, T))
                .hasMessageContaining("51")
                .hasMessageContaining("50");
        assertThatThrownBy(() -> b.tryReserve(0, T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeightBudget(0)).hasMessageContaining("allowedPerMinute");
    }

    @Test
    void concurrentReservationsNeverExceedTheAllowance() throws Exception {
        WeightBudget b = new WeightBudget(1_000);
        AtomicLong granted = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    go.await();
                                } catch (InterruptedException e) {
                                    return;
                                }
                                for (int k = 0; k < 500; k++) {
                                    if (b.tryReserve(3, T + 5) == 0) granted.addAndGet(3);
                                }
                            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) t.join();
        assertThat(granted.get()).isEqualTo(999); // 333 x 3: as much as fits, never more
        assertThat(b.usedWeight(T + 5)).isEqualTo(999);
    }

    @Test
    void sharedBudgetIsOnePerHost() {
        var a = BinanceClientConfig.defaults("https://api.binance.com");
        var b = BinanceClientConfig.defaults("https://API.binance.com/").withWeightLimit(1200, 1.0);
        var c = BinanceClientConfig.defaults("https://data-api.binance.vision");
        assertThat(WeightBudget.shared(a)).isSameAs(WeightBudget.shared(b));
        assertThat(WeightBudget.shared(a)).isNotSameAs(WeightBudget.shared(c));
        assertThat(WeightBudget.shared(a).allowedPerMinute()).isEqualTo(5700);
    }
}
