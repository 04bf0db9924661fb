package io.streamforge.binance.ws;

import static io.streamforge.binance.ws.BinanceWsFeedTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Symbol;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shards' connection state machine ({@link ShardSupervisor}, driven through the feed) against a
 * real local WebSocket server: connections that never come up, SUBSCRIBEs the server refuses, and a
 * client close.
 */
class ShardSupervisorTest {
    private static final List<WsStream> STREAMS =
            List.of(WsStream.aggTrade(Symbol.of("BTCUSDT")), WsStream.trade(Symbol.of("ETHUSDT")));

    private FakeStreamServer server;
    private BinanceWsFeed feed;
    private final BinanceWsFeedTest.Recorder rec = new BinanceWsFeedTest.Recorder();

    @BeforeEach
    void start() {
        server = new FakeStreamServer();
    }

    @AfterEach
    void stop() {
        if (feed != null) feed.close();
        server.close();
    }

    private BinanceWsFeed feed() {
        WsFeedConfig config =
                WsFeedConfig.defaults(server.url())
                        .withShardSize(1)
                        .withTimeouts(10_000, 1_000, 20, 100);
        return new BinanceWsFeed(config, STREAMS, rec);
    }

    @Test
    void anUnacknowledgedConnectionIsGivenUpAfterTheConnectTimeoutAndRetried() throws Exception {
        server.ignoreSubscribes = true;
        feed = feed();
        feed.start();
        await(() -> server.connectionsOpened.get() >= 4, "two tries per shard");
        assertThat(feed.awaitConnected(0)).isFalse();
        assertThat(rec.lifecycle).as("never up: nothing to report").isEmpty();
        server.ignoreSubscribes = false;
        assertThat(feed.awaitConnected(10_000)).isTrue();
        await(() -> rec.lifecycle.size() == 2, "both shards connected");
        assertThat(rec.lifecycle)
                .as("a shard that never was up connects, it does not reconnect")
                .containsExactlyInAnyOrder("connected 0", "connected 1");
        assertThat(rec.gaps).isEmpty();
    }

    @Test
    void aRefusedSubscribeEndsThatConnectionAndTheShardTriesAgain() throws Exception {
        server.rejectSubscribes = true;
        feed = feed();
        feed.start();
        await(() -> server.connectionsOpened.get() >= 6, "retries after refusals");
        assertThat(feed.awaitConnected(0)).isFalse();
        server.rejectSubscribes = false;
        assertThat(feed.awaitConnected(10_000)).isTrue();
        await(() -> server.sessionsWith("btcusdt@aggTrade").size() == 1, "aggTrade subscribed");
        await(() -> server.sessionsWith("ethusdt@trade").size() == 1, "trade subscribed");
        assertThat(feed.shards())
                .containsExactly(List.of("btcusdt@aggTrade"), List.of("ethusdt@trade"));
    }

    @Test
    void closeEndsEveryConnectionWithoutReportingADrop() throws Exception {
        feed = feed();
        feed.start();
        assertThat(feed.awaitConnected(10_000)).isTrue();
        await(() -> server.open.size() == 2, "two connections");
        int opened = server.connectionsOpened.get();
        feed.close();
        await(server.open::isEmpty, "the server sees both closed");
        assertThat(rec.lifecycle).containsExactlyInAnyOrder("connected 0", "connected 1");
        feed.close(); // idempotent
        assertThat(server.connectionsOpened.get()).as("no reconnect after close").isEqualTo(opened);
    }
}
