package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.testkit.Fixtures;
import io.streamforge.testkit.InMemoryQueueStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real API server over loopback HTTP: one SSE client that never reads (a tiny socket receive
 * buffer, no read call) and one that reads. Publishing — what the orchestrator does for each
 * telemetry event — never waits for the slow client; the reading client gets every event in order;
 * the slow one is dropped and a reconnect with {@code Last-Event-ID} resumes exactly after the last
 * event it had.
 */
class SlowSseClientIT {
    private static final int EVENTS = 20_000;
    private static final int BUFFER = 500;
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final InMemoryQueueStore store = new InMemoryQueueStore();
    private final EventHub hub = new EventHub(BUFFER, 100_000, 0);
    private ApiServer api;
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        store.create(Fixtures.queue("q-sse", Fixtures.T0_US));
        ApiServer.Backend backend =
                new ApiServer.Backend() {
                    @Override
                    public QueueRecord startPipeline(byte[] body) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public QueueRecord startTestFlow(byte[] body) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public boolean stop(String queueId) {
                        return false;
                    }

                    @Override
                    public QueueRecord resume(String queueId) {
                        throw new UnsupportedOperationException();
                    }
                };
        api =
                new ApiServer(
                        "127.0.0.1",
                        0,
                        backend,
                        store,
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        null,
                        hub,
                        io.streamforge.runtime.auth.HttpAuth.forBind(
                                io.streamforge.runtime.auth.OidcSettings.DISABLED,
                                "127.0.0.1",
                                "queue-manager"));
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        api.close();
    }

    @Test
    void aClientThatNeverReadsDelaysNeitherThePublisherNorAnotherClient() throws Exception {
        Socket slow = new Socket();
        slow.setReceiveBufferSize(1024);
        slow.connect(new InetSocketAddress("127.0.0.1", api.port()));
        sockets.add(slow);
        request(slow, "/queues/events", null); // and never read a byte
        List<Long> fastIds = Collections.synchronizedList(new ArrayList<>());
        Thread reader = readIds("/queues/q-sse/events", null, fastIds, EVENTS);
        awaitTrue(() -> hub.clients() == 2, "both clients subscribed");

        String padding = "x".repeat(1_000);
        assertTimeoutPreemptively(
                DEADLINE, // generous: a blocked publisher would hang here forever
                () -> {
                    for (int i = 1; i <= EVENTS; i++) {
                        // a steady telemetry rate: never far ahead of the reading client
                        int published = i;
                        awaitTrue(() -> published - fastIds.size() < BUFFER / 2, "reader", 1);
                        api.publish(event(i, padding));
                    }
                });
        reader.join(DEADLINE.toMillis());
        assertThat(fastIds).hasSize(EVENTS);
        assertThat(fastIds).isSorted().doesNotHaveDuplicates();
        assertThat(hub.droppedClients()).isEqualTo(1);

        long resumeAfter = fastIds.get(EVENTS - 11);
        List<Long> resumed = Collections.synchronizedList(new ArrayList<>());
        readIds("/queues/events", resumeAfter, resumed, 10).join(DEADLINE.toMillis());
        assertThat(resumed).containsExactlyElementsOf(fastIds.subList(EVENTS - 10, EVENTS));
    }

    private static TelemetryEvent event(int i, String padding) {
        return new TelemetryEvent(
                1,
                "q-sse",
                "q-sse-loader",
                "loader-api-candles",
                "BTCUSDT",
                "candles",
                "loading",
                padding,
                i,
                false,
                Fixtures.T0_US + i,
                null,
                null);
    }

    private static void request(Socket s, String path, Long lastEventId) throws Exception {
        OutputStream out = s.getOutputStream();
        String req =
                "GET "
                        + path
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                        + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n")
                        + "\r\n";
        out.write(req.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A reading client: collects the ids of telemetry events until it has {@code want}. */
    private Thread readIds(String path, Long lastEventId, List<Long> ids, int want)
            throws Exception {
        Socket s = new Socket("127.0.0.1", api.port());
        sockets.add(s);
        s.setSoTimeout((int) DEADLINE.toMillis());
        request(s, path, lastEventId);
        Thread t =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    s.getInputStream(), StandardCharsets.UTF_8))) {
                                String event = null;
                                Long id = null;
                                String line;
                                while (ids.size() < want && (line = in.readLine()) != null) {
                                    if (line.startsWith("event:")) {
                                        event = line.substring(6).trim();
                                    } else if (line.startsWith("id:")) {
                                        id = Long.parseLong(line.substring(3).trim());
                                    } else if (line.isEmpty()) { // end of one event
                                        if ("telemetry".equals(event) && id != null) {
                                            ids.add(id);
                                        }
                                        event = null;
                                        id = null;
                                    }
                                }
                            } catch (Exception e) {
                                // the assertions on ids tell what was missing
                            }
                        },
                        "sse-reader");
        t.start();
        return t;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
        awaitTrue(condition, what, 20);
    }

    private static void awaitTrue(BooleanSupplier condition, String what, long pollMs)
            throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            TimeUnit.MILLISECONDS.sleep(pollMs);
        }
    }
}
