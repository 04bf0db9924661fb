package io.streamforge.kafka;

import java.util.regex.Pattern;

/** Topic naming: two fixed control topics and one data topic (plus its DLQ) per queue. */
public final class Topics {
    public static final String CONTROL = "queue-control";
    public static final String EVENTS = "queue-events";
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private Topics() {}

    /** The data topic of a queue is named after the queue id, as in the seed. */
    public static String data(String queueId) {
        return requireLegal(queueId);
    }

    public static String dlq(String dataTopic) {
        return requireLegal(dataTopic + ".dlq");
    }

    static String requireLegal(String name) {
        if (name == null
                || !LEGAL.matcher(name).matches()
                || name.equals(".")
                || name.equals("..")) {
            throw new IllegalArgumentException("illegal Kafka topic name: '" + name + "'");
        }
        return name;
    }
}
