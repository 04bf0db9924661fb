package io.streamforge.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesAlignerTest {
    private static final long H = Interval.H1.fixedUs();
    private static final Symbol A = Symbol.of("AAAUSDT");
    private static final Symbol B = Symbol.of("BBBUSDT");

    private static PriceSeries series(Symbol s, long[] hours, double[] closes) {
        long[] times = new long[hours.length];
        for (int i = 0; i < hours.length; i++) {
            times[i] = hours[i] * H;
        }
        return new PriceSeries(s, times, closes);
    }

    @Test
    void dropRowsKeepsOnlyTimesEverySymbolHas() {
        var a = series(A, new long[] {0, 1, 2, 3, 4}, new double[] {10, 11, 12, 13, 14});
        var b = series(B, new long[] {0, 1, 3, 4}, new double[] {20, 21, 23, 24});
        AlignedSeries out = SeriesAligner.alignSeries(List.of(b, a), AlignmentPolicy.dropRows());
        assertThat(out.symbols()).containsExactly(A, B);
        assertThat(out.openTimesUs()).containsExactly(0, H, 3 * H, 4 * H);
        assertThat(out.closes(0)).containsExactly(10, 11, 13, 14);
        assertThat(out.closes(1)).containsExactly(20, 21, 23, 24);
        AlignmentReport r = out.report();
        assertThat(r.unionTimes()).isEqualTo(5);
        assertThat(r.keptTimes()).isEqualTo(4);
        assertThat(r.droppedTimes()).isEqualTo(1);
        assertThat(r.missingPerSymbol()).containsEntry(A, 0).containsEntry(B, 1);
        assertThat(r.filledTotal()).isZero();
        assertThat(r.widerSteps()).isEqualTo(1); // 1h -> 3h spans the dropped hour
    }

    @Test
    void forwardFillCarriesThePreviousCloseOverShortGaps() {
        var a = series(A, new long[] {0, 1, 2, 3, 4, 5}, new double[] {10, 11, 12, 13, 14, 15});
        var b = series(B, new long[] {0, 2, 5}, new double[] {20, 22, 25});
        AlignedSeries out =
                SeriesAligner.alignSeries(List.of(a, b), AlignmentPolicy.forwardFill(1));
        // hour 1 is a gap of 1 (filled with 20); hours 3-4 are a gap of 2 > maxGap (dropped)
        assertThat(out.openTimesUs()).containsExactly(0, H, 2 * H, 5 * H);
        assertThat(out.closes(1)).containsExactly(20, 20, 22, 25);
        assertThat(out.report().filledPerSymbol()).containsEntry(B, 1).containsEntry(A, 0);
        assertThat(out.report().droppedTimes()).isEqualTo(2);

        AlignedSeries wide =
                SeriesAligner.alignSeries(List.of(a, b), AlignmentPolicy.forwardFill(2));
        assertThat(wide.closes(1)).containsExactly(20, 20, 22, 22, 22, 25);
        assertThat(wide.report().filledTotal()).isEqualTo(3);
        assertThat(wide.report().droppedTimes()).isZero();
    }

    @Test
    void forwardFillNeverFillsBeforeTheFirstCandle() {
        var a = series(A, new long[] {0, 1, 2, 3}, new double[] {10, 11, 12, 13});
        var b = series(B, new long[] {2, 3}, new double[] {22, 23});
        AlignedSeries out =
                SeriesAligner.alignSeries(List.of(a, b), AlignmentPolicy.forwardFill(5));
        assertThat(out.openTimesUs()).containsExactly(2 * H, 3 * H);
        assertThat(out.report().filledTotal()).isZero();
        assertThat(out.report().missingPerSymbol()).containsEntry(B, 2);
    }

    @Test
    void alignsCandlesRegardlessOfMapAndListOrder() {
        Map<Symbol, List<Candle>> in = new LinkedHashMap<>();
        in.put(B, candles(B, 100, 110, 105));
        List<Candle> aCandles = new ArrayList<>(candles(A, 1, 2, 4));
        java.util.Collections.reverse(aCandles);
        in.put(A, aCandles);
        AlignedSeries out = SeriesAligner.align(in);
        assertThat(out.symbols()).containsExactly(A, B);
        assertThat(out.closes(0)).containsExactly(1, 2, 4);
        ReturnSeries r = out.logReturns();
        assertThat(r.values(0))
                .containsExactly(new double[] {Math.log(2), Math.log(2)}, within(1e-15));
        assertThat(r.window().fromOpenTimeUs()).isZero();
        assertThat(r.window().toOpenTimeUs()).isEqualTo(2 * H);
        assertThat(r.window().returnCount()).isEqualTo(2);
    }

    @Test
    void badInputIsRejectedWithTheSymbolNamed() {
        assertThatThrownBy(() -> series(A, new long[] {0, 1, 1}, new double[] {1, 2, 3}))
                .hasMessageContaining("AAAUSDT: duplicate open_time_us " + H);
        assertThatThrownBy(() -> series(A, new long[] {0, 1}, new double[] {1, 0}))
                .hasMessageContaining("AAAUSDT: close at open_time_us " + H)
                .hasMessageContaining("positive finite");
        assertThatThrownBy(() -> series(A, new long[] {0, 1}, new double[] {1, Double.NaN}))
                .hasMessageContaining("got NaN");
        assertThatThrownBy(() -> series(A, new long[] {0, 1}, new double[] {1}))
                .hasMessageContaining("2 open times but 1 closes");
        var a = series(A, new long[] {0}, new double[] {1});
        assertThatThrownBy(
                        () -> SeriesAligner.alignSeries(List.of(a, a), AlignmentPolicy.dropRows()))
                .hasMessageContaining("AAAUSDT given twice");
        assertThatThrownBy(() -> SeriesAligner.align(Map.of(A, candles(B, 1, 2))))
                .hasMessageContaining("AAAUSDT: candle 0 belongs to BBBUSDT");
        assertThatThrownBy(() -> SeriesAligner.alignSeries(List.of(), AlignmentPolicy.dropRows()))
                .hasMessageContaining("no symbols");
        assertThatThrownBy(() -> AlignmentPolicy.forwardFill(0))
                .hasMessageContaining("maxGap must be >= 1");
        var b = series(B, new long[] {0, 1}, new double[] {1, 2});
        AlignedSeries two = SeriesAligner.alignSeries(List.of(a, b), AlignmentPolicy.dropRows());
        assertThatThrownBy(two::logReturns).hasMessageContaining("at least 3 aligned closes");
    }

    @Test
    void logReturnsRejectNonPositivePrices() {
        assertThat(LogReturns.of(new double[] {100, 110, 99}))
                .containsExactly(new double[] {Math.log(1.1), Math.log(0.9)}, within(1e-15));
        assertThatThrownBy(() -> LogReturns.of(new double[] {1, -2}))
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> LogReturns.of(new double[] {1}))
                .hasMessageContaining("at least 2 prices");
    }

    private static List<Candle> candles(Symbol s, double... closes) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            BigDecimal c = BigDecimal.valueOf(closes[i]);
            long open = i * H;
            out.add(
                    new Candle(
                            s,
                            Interval.H1,
                            open,
                            Interval.H1.closeTimeOf(open),
                            c,
                            c,
                            c,
                            c,
                            BigDecimal.ONE,
                            c,
                            1,
                            BigDecimal.ZERO,
                            BigDecimal.ZERO));
        }
        return out;
    }
}
