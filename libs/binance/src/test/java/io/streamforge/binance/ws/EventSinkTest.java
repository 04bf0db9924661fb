package io.streamforge.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The feed's side towards the listener ({@link EventSink}), without a server: events a new
 * connection holds back, de-duplication across connections, and the gap report per stream.
 */
class EventSinkTest {
    private static final String AGG = "btcusdt@aggTrade";
    private static final String ETH = "ethusdt@aggTrade";

    private final BinanceWsFeedTest.Recorder rec = new BinanceWsFeedTest.Recorder();
    private final EventSink sink = new EventSink(rec);

    private static WsMessages.Parsed agg(String stream, long id) {
        return WsMessages.parse(
                "{\"stream\":\"" + stream + "\",\"data\":" + BinanceWsFeedTest.agg(id) + "}");
    }

    private static WsConnection connection(long id) {
        return new WsConnection(0, id, null);
    }

    @Test
    void aNewConnectionHoldsItsEventsUntilReleasedThenPassesThemStraightOn() {
        WsConnection c = connection(1);
        sink.offer(c, agg(AGG, 10));
        sink.offer(c, agg(AGG, 11));
        assertThat(rec.aggIds).as("held").isEmpty();
        sink.release(c);
        assertThat(rec.aggIds).containsExactly(10L, 11L);
        sink.offer(c, agg(AGG, 12));
        assertThat(rec.aggIds).containsExactly(10L, 11L, 12L);
        assertThat(sink.delivered.get()).isEqualTo(3);
    }

    @Test
    void theOverlapOfTwoConnectionsIsDeliveredOnce() {
        WsConnection old = connection(1);
        WsConnection next = connection(2);
        sink.release(old);
        for (long id = 1; id <= 5; id++) sink.offer(old, agg(AGG, id));
        for (long id = 3; id <= 8; id++) sink.offer(next, agg(AGG, id)); // held: 3..8
        sink.release(next);
        assertThat(rec.aggIds).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(sink.duplicates.get()).isEqualTo(3);
        assertThat(sink.delivered.get()).isEqualTo(8);
    }

    @Test
    void aReconnectReportsOneGapPerStreamFromItsLastDeliveredEvent() {
        WsConnection c = connection(1);
        sink.release(c);
        sink.offer(c, agg(AGG, 41));
        sink.offer(c, agg(AGG, 42));
        sink.reconnected(0, 3, List.of(AGG, ETH), 1_800_000_000_000_000L, "dropped");
        assertThat(rec.lifecycle).containsExactly("reconnected 0 after 3");
        assertThat(rec.gaps)
                .containsExactly(
                        new WsGap(
                                AGG,
                                42,
                                (1_700_000_000_000L + 42) * 1_000,
                                1_800_000_000_000_000L,
                                "dropped"),
                        new WsGap(ETH, -1, -1, 1_800_000_000_000_000L, "dropped"));
    }
}
