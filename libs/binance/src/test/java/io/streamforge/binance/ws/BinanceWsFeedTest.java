package io.streamforge.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feed against a real local WebSocket server (Javalin/Jetty on loopback). */
class BinanceWsFeedTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final String AGG = "btcusdt@aggTrade";

    private FakeStreamServer server;
    private BinanceWsFeed feed;
    private final Recorder rec = new Recorder();

    static final class Recorder implements WsFeedListener {
        final List<Long> aggIds = new CopyOnWriteArrayList<>();
        final List<String> lifecycle = new CopyOnWriteArrayList<>();
        final List<WsGap> gaps = new CopyOnWriteArrayList<>();

        @Override
        public void onAggTrade(String stream, AggTrade t) {
            aggIds.add(t.aggId());
        }

        @Override
        public void onConnected(int shard, List<String> streams) {
            lifecycle.add("connected " + shard);
        }

        @Override
        public void onRotated(int shard, String reason) {
            lifecycle.add("rotated " + shard + " " + reason);
        }

        @Override
        public void onDropped(int shard, String reason) {
            lifecycle.add("dropped " + shard + " " + reason);
        }

        @Override
        public void onReconnected(int shard, int attempts) {
            lifecycle.add("reconnected " + shard + " after " + attempts);
        }

        @Override
        public void onGap(WsGap gap) {
            gaps.add(gap);
        }
    }

    @BeforeEach
    void start() {
        server = new FakeStreamServer();
    }

    @AfterEach
    void stop() {
        if (feed != null) feed.close();
        server.close();
    }

    private WsFeedConfig config() {
        return WsFeedConfig.defaults(server.url()).withTimeouts(10_000, 3_000, 50, 200);
    }

    static String agg(long id) {
        return "{\"e\":\"aggTrade\",\"E\":1700000000000,\"s\":\"BTCUSDT\",\"a\":"
                + id
                + ",\"p\":\"42000.10\",\"q\":\"0.5\",\"f\":"
                + id * 2
                + ",\"l\":"
                + (id * 2 + 1)
                + ",\"T\":"
                + (1_700_000_000_000L + id)
                + ",\"m\":true,\"M\":true}";
    }

    static void await(BooleanSupplier cond, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void shardsStreamsAndPacesSubscribeMessagesUnderFivePerSecond() throws Exception {
        List<WsStream> streams = new ArrayList<>();
        for (String s : List.of("btcusdt", "ethusdt", "bnbbtc", "xrpeth", "adabtc")) {
            streams.add(WsStream.aggTrade(Symbol.of(s)));
            streams.add(WsStream.trade(Symbol.of(s)));
        }
        feed = new BinanceWsFeed(config().withShardSize(6).withSubscribe(3.0, 1), streams, rec);
        assertThat(feed.shards()).extracting(List::size).containsExactly(6, 4);
        feed.start();
        assertThat(feed.awaitConnected(10_000)).isTrue();

        assertThat(server.connectionsOpened.get()).isEqualTo(2);
        List<String> subscribed =
                server.controls.stream().flatMap(c -> c.params().stream()).sorted().toList();
        assertThat(subscribed).isEqualTo(streams.stream().map(WsStream::name).sorted().toList());
        Map<String, List<FakeStreamServer.Control>> bySession =
                server.controls.stream()
                        .collect(Collectors.groupingBy(FakeStreamServer.Control::session));
        assertThat(bySession.values()).extracting(List::size).containsExactlyInAnyOrder(6, 4);
        for (List<FakeStreamServer.Control> cs : bySession.values()) {
            assertThat(cs.stream().mapToInt(c -> c.params().size()).sum()).isLessThanOrEqualTo(6);
            for (int i = 4; i < cs.size(); i++) {
                long windowNs = cs.get(i).atNanos() - cs.get(i - 4).atNanos();
                assertThat(windowNs)
                        .as("5 control messages within one second")
                        .isGreaterThan(1_000_000_000L);
            }
        }
        assertThat(rec.lifecycle).containsExactlyInAnyOrder("connected 0", "connected 1");
        server.publish(AGG, agg(1));
        await(() -> rec.aggIds.size() == 1, "the event");
    }

    @Test
    void rotatesMakeBeforeBreakWithoutLossOrDuplicates() throws Exception {
        feed =
                new BinanceWsFeed(
                        config().withRotation(400, 0), List.of(WsStream.aggTrade(BTC)), rec);
        feed.start();
        assertThat(feed.awaitConnected(10_000)).isTrue();
        long id = 0;
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
        while (System.nanoTime() < until) {
            server.publish(AGG, agg(++id));
            Thread.sleep(2);
        }
        long last = id;
        await(() -> rec.aggIds.size() >= last, "all events");
        Thread.sleep(50);
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= last; i++) expected.add(i);
        assertThat(rec.aggIds).isEqualTo(expected);
        assertThat(rec.lifecycle)
                .filteredOn(l -> l.startsWith("rotated 0 lifetime"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(rec.lifecycle).noneMatch(l -> l.startsWith("dropped"));
        assertThat(rec.gaps).isEmpty();
        assertThat(server.sessionsWith(AGG)).hasSize(1); // old connections were closed
    }

    @Test
    void serverShutdownTriggersAPlannedRotation() throws Exception {
        feed = new BinanceWsFeed(config(), List.of(WsStream.aggTrade(BTC)), rec);
        feed.start();
        assertThat(feed.awaitConnected(10_000)).isTrue();
        server.publish(AGG, agg(1));
        server.serverShutdownNotice();
        await(() -> rec.lifecycle.contains("rotated 0 serverShutdown"), "rotation");
        server.publish(AGG, agg(2));
        await(() -> rec.aggIds.size() == 2, "event after rotation");
        assertThat(rec.aggIds).containsExactly(1L, 2L);
        assertThat(rec.gaps).isEmpty();
        assertThat(server.connectionsOpened.get()).isEqualTo(2);
    }

    @Test
    void unplannedDropReconnectsWithBackoffAndReportsTheGapFromTheLastSeenId() throws Exception {
        feed =
                new BinanceWsFeed(
                        config(), List.of(WsStream.aggTrade(BTC), WsStream.trade(BTC)), rec);
        feed.start();
        assertThat(feed.awaitConnected(10_000)).isTrue();
        for (long i = 1; i <= 5; i++) server.publish(AGG, agg(i));
        await(() -> rec.aggIds.size() == 5, "first events");
        server.rejectConnections = true;
        server.disconnectAll();
        await(() -> rec.lifecycle.stream().anyMatch(l -> l.startsWith("dropped 0")), "drop");
        Thread.sleep(400); // several refused reconnect attempts
        server.rejectConnections = false;
        await(() -> rec.gaps.size() == 2, "gap reports");
        String reconnected =
                rec.lifecycle.stream()
                        .filter(l -> l.startsWith("reconnected"))
                        .findFirst()
                        .orElseThrow();
        assertThat(Integer.parseInt(reconnected.replaceAll(".* after ", ""))).isGreaterThan(1);
        WsGap g = rec.gaps.stream().filter(x -> x.stream().equals(AGG)).findFirst().orElseThrow();
        assertThat(g.lastSeenId()).isEqualTo(5);
        assertThat(g.lastSeenTimeUs()).isEqualTo((1_700_000_000_000L + 5) * 1000);
        assertThat(g.reason()).isNotBlank();
        WsGap t =
                rec.gaps.stream()
                        .filter(x -> x.stream().equals("btcusdt@trade"))
                        .findFirst()
                        .orElseThrow();
        assertThat(t.lastSeenId()).isEqualTo(-1);
        server.publish(AGG, agg(6));
        await(() -> rec.aggIds.size() == 6, "event after reconnect");
    }

    @Test
    void silentConnectionIsDetectedAsDeadAndReplaced() throws Exception {
        feed =
                new BinanceWsFeed(
                        config().withTimeouts(300, 3_000, 20, 100),
                        List.of(WsStream.aggTrade(BTC)),
                        rec);
        feed.start();
        assertThat(feed.awaitConnected(10_000)).isTrue();
        server.silenceAll(); // socket stays open, nothing arrives: no data, no pings
        await(
                () -> rec.lifecycle.stream().anyMatch(l -> l.contains("idle timeout")),
                "idle detection");
        await(() -> rec.gaps.size() == 1, "reconnect + gap");
        server.publish(AGG, agg(1));
        await(() -> rec.aggIds.size() == 1, "event on the new connection");
    }
}
