package io.streamforge.app.rehearse;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.store.Stores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The live Deployments' data, end to end: every market record on the live topics (what the
 * loader-ws Deployment wrote, and the backlog) must be in the store the live connector writes —
 * opened with that container's own {@link DatabaseSettings} — with the value of the topic's last
 * record of its key (a kline is updated in place), and the store must hold nothing else on those
 * UTC days for those symbols and kinds. Coverage facts and markers on the topics are not records
 * and are skipped; a record the codec refuses is a failure (the connector would DLQ it).
 */
final class LiveDataCheck {
    private static final long DAY_US = 86_400_000_000L;

    private LiveDataCheck() {}

    /** The last record per key on the topics, in partition order (a key stays on one partition). */
    static Map<String, MarketRecord> topicRecords(EmbeddedKafkaBroker kafka, List<String> topics) {
        Map<String, Object> p = LiveBacklog.superUser(kafka);
        Map<String, MarketRecord> last = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!atEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("live topics not read to their end in 2 min");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    DataMessage m = RecordCodec.decode(r.value());
                    if (m instanceof DataMessage.Data d) {
                        last.put(d.record().key(), d.record());
                    }
                }
            }
        }
        return last;
    }

    private static boolean atEnd(
            KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /**
     * Compares the store with the expected records, per kind, symbol, interval and UTC day; returns
     * the problems (empty: exact).
     */
    static List<String> compare(
            Map<String, String> connectorEnv, Map<String, MarketRecord> expected) {
        DatabaseSettings db = DatabaseSettings.read(new ConfigReader(connectorEnv));
        try (Stores stores = Stores.open(db)) {
            return compare(stores.marketData(), expected);
        }
    }

    /** {@link #compare(Map, Map)} on an open store. */
    static List<String> compare(MarketDataStore store, Map<String, MarketRecord> expected) {
        Map<String, List<MarketRecord>> groups = new TreeMap<>();
        for (MarketRecord r : expected.values()) {
            groups.computeIfAbsent(group(r), g -> new ArrayList<>()).add(r);
        }
        List<String> problems = new ArrayList<>();
        for (List<MarketRecord> want : groups.values()) {
            List<? extends MarketRecord> have = stored(store, want.get(0));
            if (have.size() != want.size() || !new HashSet<>(have).equals(new HashSet<>(want))) {
                problems.add(
                        group(want.get(0))
                                + ": "
                                + have.size()
                                + " stored, the live topics have "
                                + want.size()
                                + " (or they differ)");
            }
        }
        return problems;
    }

    /** {@code aggTrade BTCUSDT 2024-05-01}, {@code kline 1m BTCUSDT 2024-05-01}. */
    static String group(MarketRecord r) {
        String day = java.time.LocalDate.ofEpochDay(Math.floorDiv(r.timeUs(), DAY_US)).toString();
        String kind =
                r instanceof Candle c
                        ? "kline " + c.interval().code()
                        : r instanceof AggTrade ? "aggTrade" : "trade";
        return kind + " " + r.symbol() + " " + day;
    }

    private static List<? extends MarketRecord> stored(MarketDataStore store, MarketRecord r) {
        long start = Math.floorDiv(r.timeUs(), DAY_US) * DAY_US;
        TimeRange day = new TimeRange(start, start + DAY_US);
        if (r instanceof Candle c) {
            return store.candles(c.symbol(), c.interval(), day);
        }
        if (r instanceof AggTrade) {
            return store.aggTrades(r.symbol(), day);
        }
        if (r instanceof Trade) {
            return store.trades(r.symbol(), day);
        }
        throw new IllegalStateException("unknown record kind " + r.getClass().getSimpleName());
    }
}
