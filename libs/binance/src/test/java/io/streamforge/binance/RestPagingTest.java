package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Symbol;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request bounds and parameter helpers of {@link RestPaging} (no server needed). */
class RestPagingTest {
    @Test
    void startTimeIsTheFirstMillisecondNotBeforeTheStart() {
        assertThat(RestPaging.startTime(1_000_000L, false)).isEqualTo(1_000L);
        assertThat(RestPaging.startTime(1_000_001L, false))
                .as("a start inside a ms: that ms would hold earlier trades")
                .isEqualTo(1_001L);
        assertThat(RestPaging.startTime(1_000_999L, false)).isEqualTo(1_001L);
        assertThat(RestPaging.startTime(0L, false)).isZero();
        assertThat(RestPaging.startTime(1_000_001L, true))
                .as("µs mode is exact")
                .isEqualTo(1_000_001L);
    }

    @Test
    void endTimeIsTheLastMillisecondBeforeTheExclusiveEnd() {
        assertThat(RestPaging.endTime(2_000_000L, false)).isEqualTo(1_999L);
        assertThat(RestPaging.endTime(2_000_001L, false))
                .as("the ms the end falls in still holds trades before it")
                .isEqualTo(2_000L);
        assertThat(RestPaging.endTime(1L, false)).isZero();
        assertThat(RestPaging.endTime(2_000_000L, true)).isEqualTo(1_999_999L);
    }

    @Test
    void anHourWindowAsRequestBoundsCoversItExactlyOnce() {
        long startUs = 1_709_251_200_000_000L; // 2024-03-01T00:00Z
        long endUs = startUs + RestPaging.HOUR_US;
        long fromMs = RestPaging.startTime(startUs, false);
        long toMs = RestPaging.endTime(endUs, false);
        assertThat(toMs - fromMs + 1).as("inclusive ms of one hour").isEqualTo(3_600_000L);
        assertThat(RestPaging.startTime(endUs, false)).as("next window").isEqualTo(toMs + 1);
    }

    @Test
    void limitsOutsideOneToMaxAreRefusedWithTheirValue() {
        assertThat(RestPaging.checkLimit(1, 1000)).isEqualTo(1);
        assertThat(RestPaging.checkLimit(1000, 1000)).isEqualTo(1000);
        assertThatThrownBy(() -> RestPaging.checkLimit(0, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit: must be 1..1000, got 0");
        assertThatThrownBy(() -> RestPaging.checkLimit(1001, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit: must be 1..1000, got 1001");
    }

    @Test
    void paramsStartWithTheSymbolAndKeepTheirOrder() {
        Map<String, String> p = RestPaging.params(Symbol.of("btcusdt"));
        p.put("startTime", "1");
        p.put("limit", "1000");
        assertThat(p)
                .containsExactly(
                        Map.entry("symbol", "BTCUSDT"),
                        Map.entry("startTime", "1"),
                        Map.entry("limit", "1000"));
        assertThatThrownBy(() -> RestPaging.params(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("symbol");
    }
}
