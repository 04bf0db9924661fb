package io.streamforge.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The streaming indicators on short inputs whose outputs are worked out by hand. */
class HandWorkedIndicatorsTest {
    private static final double EPS = 1e-12;

    @Test
    void emaSeededWithTheSmaOrWithTheFirstValue() {
        Ema sma = new Ema(3);
        assertThat(sma.update(1)).isNaN();
        assertThat(sma.update(2)).isNaN();
        assertThat(sma.update(3)).isEqualTo(2.0); // (1+2+3)/3
        assertThat(sma.update(4)).isEqualTo(3.0); // k = 0.5: 2 + (4-2)/2
        assertThat(sma.update(5)).isEqualTo(4.0);
        sma.reset();
        assertThat(sma.update(9)).isNaN();

        Ema first = new Ema(3, Ema.Seed.FIRST);
        double[] expected = {1, 1.5, 2.25, 3.125, 4.0625};
        for (int i = 0; i < expected.length; i++) {
            assertThat(first.update(i + 1)).isEqualTo(expected[i]);
        }
    }

    @Test
    void rsiUsesThePlainAverageFirstAndWildersSmoothingAfter() {
        Rsi rsi = new Rsi(2);
        assertThat(rsi.update(10)).isNaN();
        assertThat(rsi.update(11)).isNaN();
        assertThat(rsi.update(10)).isEqualTo(50.0); // gains 1, losses 1
        // avgGain (0.5·1 + 2)/2 = 1.25, avgLoss 0.5/2 = 0.25
        assertThat(rsi.update(12)).isCloseTo(100 * 1.25 / 1.5, within(EPS));
        // an unchanged close halves both averages: the ratio stays
        assertThat(rsi.update(12)).isCloseTo(100 * 1.25 / 1.5, within(EPS));

        Rsi flat = new Rsi(2);
        flat.update(0.00001);
        flat.update(0.00001);
        assertThat(flat.update(0.00001)).isZero();
        // a tiny move on a tiny price still counts (no 1e-8 cut-off)
        assertThat(flat.update(0.000011)).isEqualTo(100.0);
    }

    @Test
    void atrStartsAfterTheFirstTrueRangeAndNatrFollowsTheClose() {
        Atr atr = new Atr(2);
        assertThat(atr.update(10, 8, 9)).isNaN(); // no previous close: no true range
        assertThat(atr.natr()).isNaN();
        assertThat(atr.update(11, 9, 10)).isNaN(); // tr = 2
        assertThat(atr.update(12, 10, 11)).isEqualTo(2.0); // tr = 2 → (2+2)/2
        assertThat(atr.natr()).isCloseTo(200.0 / 11, within(EPS));
        // a gap up: tr = max(15-9, |15-11|, |9-11|) = 6 → (2·1 + 6)/2
        assertThat(atr.update(15, 9, 14)).isEqualTo(4.0);
        assertThat(atr.natr()).isCloseTo(400.0 / 14, within(EPS));
        assertThat(atr.update(14, 13, 0)).isEqualTo((4.0 + 1.0) / 2); // tr = |13-14| = 1
        assertThat(atr.natr()).isZero();
    }

    @Test
    void wmaWeighsTheNewestMostAcrossTheResyncOfItsRingBuffer() {
        Wma wma = new Wma(3);
        double[] in = {1, 2, 3, 4, 10, -5, 0};
        double[] expected = {
            Double.NaN,
            Double.NaN,
            (1 + 4 + 9) / 6.0,
            (2 + 6 + 12) / 6.0,
            (3 + 8 + 30) / 6.0,
            (4 + 20 - 15) / 6.0,
            (10 - 10 + 0) / 6.0
        };
        for (int i = 0; i < in.length; i++) {
            double out = wma.update(in[i]);
            if (Double.isNaN(expected[i])) {
                assertThat(out).as("index %d", i).isNaN();
            } else {
                assertThat(out).as("index %d", i).isCloseTo(expected[i], within(EPS));
            }
        }
    }

    @Test
    void obvStartsAtTheFirstVolumeAndIgnoresUnchangedCloses() {
        Obv obv = new Obv();
        assertThat(obv.update(10, 5)).isEqualTo(5.0);
        assertThat(obv.update(11, 2)).isEqualTo(7.0);
        assertThat(obv.update(11, 7)).isEqualTo(7.0);
        assertThat(obv.update(9, 3)).isEqualTo(4.0);
        obv.reset();
        assertThat(obv.update(1, 8)).isEqualTo(8.0);
    }

    @Test
    void dailyVwapRestartsAtMidnightUtcAndIsUndefinedWithoutVolume() {
        long day = 86_400_000_000L;
        long t0 = 19_723 * day; // 2024-01-01T00:00Z
        DailyVwap vwap = new DailyVwap();
        assertThat(vwap.update(t0 - 60_000_000L, 100, 10)).isEqualTo(10.0); // 23:59 the day before
        assertThat(vwap.update(t0, 0, 0)).isNaN(); // new day, no volume yet
        assertThat(vwap.update(t0 + 60_000_000L, 200, 10)).isEqualTo(20.0);
        assertThat(vwap.update(t0 + day - 1, 100, 10)).isEqualTo(15.0);
        assertThat(vwap.update(t0 + day, 30, 1)).isEqualTo(30.0);
        // before 1970 the day still starts at midnight (floor, not truncation)
        DailyVwap old = new DailyVwap();
        old.update(-1, 50, 1);
        assertThat(old.update(0, 10, 1)).isEqualTo(10.0);
    }

    @Test
    void periodsOutsideTheRangeNameTheIndicator() {
        assertThatThrownBy(() -> new Ema(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EMA period must be between 1 and 1000000, got 0");
        assertThatThrownBy(() -> new Wma(1_000_001))
                .hasMessage("WMA period must be between 1 and 1000000, got 1000001");
        assertThatThrownBy(() -> new Rsi(-3))
                .hasMessage("RSI period must be between 1 and 1000000, got -3");
        assertThatThrownBy(() -> new Atr(0)).hasMessageStartingWith("ATR period");
        assertThat(new Wma(1).update(7)).isEqualTo(7.0);
    }
}
