package io.streamforge.domain.coverage;

import static io.streamforge.domain.coverage.RangesTest.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    static final CoverageKey KEY = CoverageKey.aggTrades(Symbol.of("XRPETH"));

    static Received rec(long start, long end, Source s) {
        return new Received(KEY, r(start, end), s, "q");
    }

    @Test
    void dumpOutranksRestWhateverTheOrderOfArrival() {
        List<SourcedRange> expected =
                List.of(
                        new SourcedRange(r(0, 10), Source.REST),
                        new SourcedRange(r(10, 20), Source.DUMP),
                        new SourcedRange(r(20, 30), Source.REST));
        assertThat(Provenance.resolve(List.of(rec(0, 30, Source.REST), rec(10, 20, Source.DUMP))))
                .isEqualTo(expected);
        assertThat(Provenance.resolve(List.of(rec(10, 20, Source.DUMP), rec(0, 30, Source.REST))))
                .isEqualTo(expected);
    }

    @Test
    void wsNeverReplacesRestOrDumpAndHolesStayUncredited() {
        assertThat(
                        Provenance.resolve(
                                List.of(
                                        rec(0, 100, Source.WS),
                                        rec(20, 40, Source.REST),
                                        rec(30, 50, Source.DUMP),
                                        rec(200, 210, Source.WS))))
                .containsExactly(
                        new SourcedRange(r(0, 20), Source.WS),
                        new SourcedRange(r(20, 30), Source.REST),
                        new SourcedRange(r(30, 50), Source.DUMP),
                        new SourcedRange(r(50, 100), Source.WS),
                        new SourcedRange(r(200, 210), Source.WS));
    }

    @Test
    void adjacentAndOverlappingRangesOfOneSourceMerge() {
        assertThat(
                        Provenance.resolve(
                                List.of(
                                        rec(0, 10, Source.REST),
                                        rec(10, 20, Source.REST),
                                        rec(5, 15, Source.REST))))
                .containsExactly(new SourcedRange(r(0, 20), Source.REST));
        assertThat(Provenance.resolve(List.of())).isEmpty();
    }

    @Test
    void rankingIsDumpRestWs() {
        assertThat(Source.DUMP.outranks(Source.REST)).isTrue();
        assertThat(Source.REST.outranks(Source.WS)).isTrue();
        assertThat(Source.WS.outranks(Source.DUMP)).isFalse();
        assertThat(Source.REST.outranks(Source.REST)).isFalse();
    }
}
