package io.streamforge.runtime.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link LogRecord}s to Fluent-bit over TCP in the Forward protocol from one background
 * thread. {@link #offer} never blocks: when the bounded queue is full the record is dropped and
 * counted. A failed batch is kept and resent after reconnecting with exponential backoff; with
 * acknowledgements on, a batch counts as delivered only once Fluent-bit acknowledged its chunk.
 */
public final class ForwardSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardSender.class);

    private final FluentSettings settings;
    private final BlockingQueue<LogRecord> queue;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object progress = new Object();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile boolean closed;
    private volatile String lastError;
    private volatile Socket socket;
    private MessageUnpacker acks;
    private boolean outage;

    public ForwardSender(FluentSettings settings) {
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::loop, "fluent-forward-" + settings.tag());
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a record; false (and counted as dropped) when the queue is full or closed. */
    public boolean offer(LogRecord record) {
        if (closed) {
            dropped.incrementAndGet();
            return false;
        }
        pending.incrementAndGet();
        if (queue.offer(record)) {
            return true;
        }
        pending.decrementAndGet();
        dropped.incrementAndGet();
        return false;
    }

    /** Waits until every queued record was delivered; false when the timeout passed first. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (pending.get() > 0) {
                long waitMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (waitMs <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.min(waitMs, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    public long delivered() {
        return delivered.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Records accepted but not yet delivered (queued or in the batch being sent). */
    public long pending() {
        return pending.get();
    }

    /** The last connection or send error, or null. */
    public String lastError() {
        return lastError;
    }

    public FluentSettings settings() {
        return settings;
    }

    /** Flushes for at most the settings' flush timeout, then stops; the rest counts as dropped. */
    @Override
    public void close() {
        close(settings.flushTimeout());
    }

    public void close(Duration flushTimeout) {
        if (closed) {
            return;
        }
        flush(flushTimeout);
        closed = true;
        stopping = true;
        thread.interrupt();
        disconnect();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long lost = pending.getAndSet(0);
        dropped.addAndGet(lost);
        wakeFlushers();
    }

    private void loop() {
        List<LogRecord> batch = new ArrayList<>(settings.batchSize());
        long backoffMs = settings.retryMin().toMillis();
        while (!stopping) {
            try {
                if (batch.isEmpty() && !take(batch)) {
                    continue;
                }
                send(batch);
                delivered.addAndGet(batch.size());
                pending.addAndGet(-batch.size());
                batch.clear();
                backoffMs = settings.retryMin().toMillis();
                wakeFlushers();
            } catch (IOException | RuntimeException e) {
                disconnect();
                noteOutage(e);
                if (!sleep(backoffMs)) {
                    return;
                }
                backoffMs = Math.min(Math.max(1, backoffMs * 2), settings.retryMax().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean take(List<LogRecord> batch) throws InterruptedException {
        LogRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        queue.drainTo(batch, settings.batchSize() - 1);
        return true;
    }

    private void send(List<LogRecord> batch) throws IOException {
        Socket s = connected();
        String chunk = settings.ack() ? UUID.randomUUID().toString() : null;
        byte[] bytes = ForwardEncoder.encode(settings.tag(), batch, chunk);
        OutputStream out = s.getOutputStream();
        out.write(bytes);
        out.flush();
        if (chunk != null) {
            String ack;
            try {
                ack = ForwardEncoder.readAck(acks);
            } catch (MessageInsufficientBufferException e) {
                throw new IOException("connection closed before the ack for chunk " + chunk, e);
            }
            if (!chunk.equals(ack)) {
                throw new IOException("ack for chunk " + ack + ", expected " + chunk);
            }
        }
    }

    private Socket connected() throws IOException {
        Socket s = socket;
        if (s != null && !settings.ack() && peerClosed(s)) {
            disconnect();
            s = null;
        }
        if (s == null) {
            s = new Socket();
            try {
                s.connect(
                        new InetSocketAddress(settings.host(), settings.port()),
                        (int) settings.connectTimeout().toMillis());
                s.setTcpNoDelay(true);
                s.setKeepAlive(true);
                s.setSoTimeout((int) settings.ackTimeout().toMillis());
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            acks = MessagePack.newDefaultUnpacker(s.getInputStream());
            socket = s;
            if (outage) {
                outage = false;
                LOG.info(
                        "fluent-bit at {} reachable again; {} log events dropped so far",
                        settings.address(),
                        dropped.get());
            }
        }
        if (stopping) {
            throw new IOException("sender closed");
        }
        return s;
    }

    /**
     * Without acknowledgements a write to a connection the peer already closed still succeeds once;
     * a 1 ms read that sees end-of-stream catches that before the batch is lost.
     */
    private static boolean peerClosed(Socket s) {
        try {
            s.setSoTimeout(1);
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void noteOutage(Exception e) {
        lastError = e.toString();
        if (!outage && !stopping) {
            outage = true;
            LOG.warn(
                    "fluent-bit at {} unreachable ({}); retrying with backoff up to {} ms,"
                            + " dropping log events when {} are queued",
                    settings.address(),
                    e.toString(),
                    settings.retryMax().toMillis(),
                    settings.queueCapacity());
        }
    }

    private void disconnect() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
        }
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return !stopping;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void wakeFlushers() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }
}
