package io.streamforge.runtime.logging;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamforge.runtime.ConfigReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs log forwarding to Fluent-bit: a {@link FluentAppender} on the Logback root logger next
 * to the JSON console appender, sending with tag {@code internal.<app>}, plus a shutdown hook that
 * flushes. One installation per JVM; {@link #close()} flushes and removes it.
 */
public final class FluentForwarding implements AutoCloseable {
    public static final String APPENDER_NAME = "fluent-forward";
    private static final Logger LOG = LoggerFactory.getLogger(FluentForwarding.class);
    private static FluentForwarding active;

    private final ForwardSender sender;
    private final FluentAppender appender;
    private final ch.qos.logback.classic.Logger root;
    private final Thread hook;
    private boolean closed;

    private FluentForwarding(ForwardSender sender, FluentAppender appender, LoggerContext ctx) {
        this.sender = sender;
        this.appender = appender;
        this.root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        this.hook = new Thread(this::close, "fluent-forward-flush");
    }

    /**
     * Installs forwarding when FLUENT_HOST is set (see {@link FluentSettings#read}); empty when it
     * is not. Throws {@link io.streamforge.runtime.ConfigException} naming every invalid FLUENT_*
     * variable. The record's queue_id defaults to QUEUE_ID.
     */
    public static Optional<FluentForwarding> installIfConfigured(
            Map<String, String> env, String app) {
        ConfigReader reader = new ConfigReader(env);
        Optional<FluentSettings> settings = FluentSettings.read(reader, app);
        reader.validate();
        String queueId = env.get("QUEUE_ID");
        return settings.map(s -> install(s, app, queueId == null ? null : queueId.trim()));
    }

    /** Installs forwarding; returns the existing installation when one is active. */
    public static synchronized FluentForwarding install(
            FluentSettings settings, String service, String queueId) {
        if (active != null) {
            LOG.warn(
                    "log forwarding already installed with tag {}; ignoring {}",
                    active.settings().tag(),
                    settings.tag());
            return active;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            throw new IllegalStateException(
                    "log forwarding needs Logback, found " + factory.getClass().getName());
        }
        LoggerContext ctx = (LoggerContext) factory;
        ForwardSender sender = new ForwardSender(settings);
        FluentAppender appender = new FluentAppender(sender, service, queueId);
        appender.setContext(ctx);
        appender.setName(APPENDER_NAME);
        appender.start();
        FluentForwarding f = new FluentForwarding(sender, appender, ctx);
        f.root.addAppender(appender);
        Runtime.getRuntime().addShutdownHook(f.hook);
        active = f;
        LOG.info(
                "forwarding logs to fluent-bit at {} with tag {} (ack {}, queue {})",
                settings.address(),
                settings.tag(),
                settings.ack(),
                settings.queueCapacity());
        return f;
    }

    /** Exposes the sender's counters as streamforge_log_events_{dropped,delivered}_total etc. */
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("streamforge.log.events.dropped", sender, ForwardSender::dropped)
                .description("log events not forwarded to fluent-bit (queue full or shutdown)")
                .register(registry);
        FunctionCounter.builder(
                        "streamforge.log.events.delivered", sender, ForwardSender::delivered)
                .description("log events forwarded to fluent-bit")
                .register(registry);
        Gauge.builder("streamforge.log.events.pending", sender, ForwardSender::pending)
                .description("log events queued for fluent-bit")
                .register(registry);
    }

    public FluentSettings settings() {
        return sender.settings();
    }

    public long dropped() {
        return sender.dropped();
    }

    public long delivered() {
        return sender.delivered();
    }

    public long pending() {
        return sender.pending();
    }

    public String lastError() {
        return sender.lastError();
    }

    /** Waits until every event so far was delivered; false when the timeout passed first. */
    public boolean flush(Duration timeout) {
        return sender.flush(timeout);
    }

    /** Detaches the appender, flushes for at most FLUENT_FLUSH_TIMEOUT_MS and stops. */
    @Override
    public void close() {
        synchronized (FluentForwarding.class) {
            if (closed) {
                return;
            }
            closed = true;
            if (active == this) {
                active = null;
            }
        }
        root.detachAppender(appender);
        appender.stop();
        sender.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
        LOG.info(
                "log forwarding to {} stopped: {} delivered, {} dropped",
                settings().address(),
                sender.delivered(),
                sender.dropped());
    }

    /** The active installation, if any (e.g. to bind its counters to a worker's registry). */
    public static synchronized Optional<FluentForwarding> active() {
        return Optional.ofNullable(active);
    }

    /** Whether an installation is active in this JVM. */
    public static synchronized boolean installed() {
        return active != null;
    }
}
