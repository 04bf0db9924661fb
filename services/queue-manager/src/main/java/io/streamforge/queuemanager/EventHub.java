package io.streamforge.queuemanager;

import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events that never block the publisher. Each client has a bounded queue that its own
 * request thread drains; {@link #publish} only offers to the queues, and a client whose queue is
 * full is dropped (closed). Every event has an increasing id (seeded by the start time, so it still
 * increases across restarts); the last {@code replayEvents} are kept, and a client that reconnects
 * with {@code Last-Event-ID} gets what it missed, or a fresh snapshot when that is older than the
 * replay buffer.
 */
public final class EventHub {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final long HEARTBEAT_MS = 15_000;

    /** One event: {@code queueId} selects the per-queue streams. */
    public record Event(long id, String queueId, String name, String data) {}

    private static final class Client {
        final String queueFilter;
        final BlockingQueue<Event> queue;
        volatile boolean dropped;

        Client(String queueFilter, int capacity) {
            this.queueFilter = queueFilter;
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        boolean wants(Event e) {
            return queueFilter == null || queueFilter.equals(e.queueId());
        }
    }

    private final int clientCapacity;
    private final int replayEvents;
    private final Deque<Event> replay = new ArrayDeque<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong seq;

    public EventHub(int clientCapacity, int replayEvents, long seedId) {
        if (clientCapacity < 1 || replayEvents < 1) {
            throw new IllegalArgumentException("capacities must be at least 1");
        }
        this.clientCapacity = clientCapacity;
        this.replayEvents = replayEvents;
        this.seq = new AtomicLong(seedId);
    }

    /** Publishes to every interested client without waiting for any of them. */
    public void publish(String queueId, String name, String data) {
        Event e;
        synchronized (replay) {
            e = new Event(seq.incrementAndGet(), queueId, name, data);
            replay.addLast(e);
            if (replay.size() > replayEvents) {
                replay.removeFirst();
            }
        }
        for (Client c : clients) {
            if (c.wants(e) && !c.queue.offer(e)) {
                c.dropped = true;
                clients.remove(c);
                dropped.incrementAndGet();
                LOG.info(
                        "dropped a slow SSE client (its {} buffered events are full)",
                        clientCapacity);
            }
        }
    }

    /** Clients dropped for being slow, since start. */
    public long droppedClients() {
        return dropped.get();
    }

    public int clients() {
        return clients.size();
    }

    /**
     * Serves one SSE client on the calling request thread until it disconnects or is dropped:
     * missed events after {@code lastEventId} (else the {@code snapshot}), then live events.
     */
    public void serve(
            SseClient sse, String queueFilter, Long lastEventId, Supplier<List<Event>> snapshot) {
        Client c = new Client(queueFilter, clientCapacity);
        clients.add(c);
        try {
            long sent = sendBacklog(sse, c, lastEventId, snapshot);
            while (!sse.terminated() && !c.dropped) {
                Event e = c.queue.poll(HEARTBEAT_MS, TimeUnit.MILLISECONDS);
                if (e == null) {
                    sse.sendComment("keep-alive");
                } else if (e.id() > sent) {
                    sse.sendEvent(e.name(), e.data(), String.valueOf(e.id()));
                    sent = e.id();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(c);
            sse.close();
        }
    }

    private long sendBacklog(
            SseClient sse, Client c, Long lastEventId, Supplier<List<Event>> snapshot) {
        List<Event> missed = new ArrayList<>();
        boolean complete;
        synchronized (replay) {
            complete =
                    lastEventId != null
                            && (replay.isEmpty() || replay.peekFirst().id() <= lastEventId + 1);
            if (complete) {
                replay.stream()
                        .filter(e -> e.id() > lastEventId && c.wants(e))
                        .forEach(missed::add);
            }
        }
        long sent = lastEventId == null ? 0 : lastEventId;
        if (!complete) {
            for (Event e : snapshot.get()) { // current state, ids of the moment
                sse.sendEvent(e.name(), e.data(), String.valueOf(e.id()));
            }
        }
        for (Event e : missed) {
            sse.sendEvent(e.name(), e.data(), String.valueOf(e.id()));
            sent = e.id();
        }
        return sent;
    }

    /** Ends every stream (shutdown): each client's thread returns at once. */
    public void closeAll() {
        for (Client c : clients) {
            c.dropped = true;
            c.queue.clear();
            c.queue.offer(new Event(0, null, "close", ""));
        }
        clients.clear();
    }

    /** The id of the newest event so far (for snapshots taken now). */
    public long lastId() {
        return seq.get();
    }
}
