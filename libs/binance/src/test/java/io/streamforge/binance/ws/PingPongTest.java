package io.streamforge.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Server pings are answered with pongs carrying the same payload (the JDK does this by itself) and
 * count as activity for the dead-connection watchdog; when pings stop, the connection is declared
 * dead. Uses a raw-socket WebSocket server because Javalin exposes no pong callback.
 */
class PingPongTest {
    @Test
    void pingsAreAnsweredAndKeepTheConnectionAliveUntilTheyStop() throws Exception {
        List<String> lifecycle = new CopyOnWriteArrayList<>();
        try (RawPingServer server = new RawPingServer(100)) {
            WsFeedConfig cfg =
                    WsFeedConfig.defaults(server.url()).withTimeouts(400, 3_000, 20, 100);
            try (BinanceWsFeed feed =
                    new BinanceWsFeed(
                            cfg,
                            List.of(WsStream.trade(Symbol.of("BTCUSDT"))),
                            new WsFeedListener() {
                                @Override
                                public void onDropped(int shard, String reason) {
                                    lifecycle.add(reason);
                                }
                            })) {
                feed.start();
                assertThat(feed.awaitConnected(5_000)).isTrue();
                Thread.sleep(1_200); // only pings arrive, three idle timeouts long
                assertThat(lifecycle).isEmpty();
                List<String> pings = List.copyOf(server.pings);
                assertThat(pings).hasSizeGreaterThanOrEqualTo(5);
                BinanceWsFeedTest.await(
                        () -> server.pongs.containsAll(pings), "pongs for every ping");

                server.pinging = false;
                BinanceWsFeedTest.await(() -> !lifecycle.isEmpty(), "idle detection");
                assertThat(lifecycle.get(0)).startsWith("idle timeout");
            }
        }
    }
}
