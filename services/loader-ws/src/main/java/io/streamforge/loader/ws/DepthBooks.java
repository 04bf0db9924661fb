package io.streamforge.loader.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamforge.binance.DepthSnapshot;
import io.streamforge.binance.DepthUpdate;
import io.streamforge.binance.PriceLevel;
import io.streamforge.binance.book.LocalOrderBook;
import io.streamforge.domain.Symbol;
import io.streamforge.kafka.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One {@link LocalOrderBook} per symbol, publishing to the depth topic (key = symbol) a {@code
 * snapshot} message after every (re)build and a {@code delta} message per applied update:
 *
 * <pre>
 * {"type":"snapshot","symbol":"BTCUSDT","last_update_id":123,"reason":"initial",
 *  "bids":[["42000.1","0.5"],…],"asks":[…]}
 * {"type":"delta","symbol":"BTCUSDT","first_update_id":124,"final_update_id":125,
 *  "event_time_us":…,"bids":[["42000.1","0"]],"asks":[…]}     (qty "0" removes the level)
 * </pre>
 *
 * A consumer rebuilds the book from the latest snapshot plus the deltas after it.
 */
final class DepthBooks {
    /** One depth message ready for the topic. */
    record Message(Symbol symbol, long eventTimeUs, byte[] json) {}

    private final Map<Symbol, LocalOrderBook> books = new HashMap<>();
    private final Map<Symbol, String> resyncReason = new HashMap<>();
    private final LocalOrderBook.SnapshotSource source;
    private final Consumer<Message> out;
    private final Consumer<String> onResync;

    DepthBooks(
            LocalOrderBook.SnapshotSource source,
            Consumer<Message> out,
            Consumer<String> onResync) {
        this.source = source;
        this.out = out;
        this.onResync = onResync;
    }

    void onUpdate(DepthUpdate u) {
        books.computeIfAbsent(u.symbol(), this::book).onUpdate(u);
    }

    /** Resyncs (incl. sequence gaps) over all books. */
    long gaps() {
        return books.values().stream().mapToLong(LocalOrderBook::gaps).sum();
    }

    LocalOrderBook book(Symbol symbol, boolean create) {
        return create ? books.computeIfAbsent(symbol, this::book) : books.get(symbol);
    }

    private LocalOrderBook book(Symbol symbol) {
        return new LocalOrderBook(
                symbol,
                source,
                new LocalOrderBook.Listener() {
                    @Override
                    public void onSnapshot(DepthSnapshot book) {
                        String reason = resyncReason.getOrDefault(symbol, "initial");
                        resyncReason.put(symbol, "initial");
                        out.accept(new Message(symbol, -1, snapshot(book, reason)));
                    }

                    @Override
                    public void onDelta(DepthUpdate applied) {
                        out.accept(new Message(symbol, applied.eventTimeUs(), delta(applied)));
                    }

                    @Override
                    public void onResync(Symbol s, String reason) {
                        resyncReason.put(s, reason);
                        onResync.accept(s.value() + ": " + reason);
                    }
                });
    }

    static byte[] snapshot(DepthSnapshot book, String reason) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "snapshot");
        n.put("symbol", book.symbol().value());
        n.put("last_update_id", book.lastUpdateId());
        n.put("reason", reason);
        levels(n.putArray("bids"), book.bids());
        levels(n.putArray("asks"), book.asks());
        return bytes(n);
    }

    static byte[] delta(DepthUpdate u) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "delta");
        n.put("symbol", u.symbol().value());
        n.put("first_update_id", u.firstUpdateId());
        n.put("final_update_id", u.finalUpdateId());
        n.put("event_time_us", u.eventTimeUs());
        levels(n.putArray("bids"), u.bids());
        levels(n.putArray("asks"), u.asks());
        return bytes(n);
    }

    private static void levels(ArrayNode a, List<PriceLevel> levels) {
        for (PriceLevel l : levels) {
            a.addArray().add(l.price().toPlainString()).add(l.qty().toPlainString());
        }
    }

    private static byte[] bytes(ObjectNode n) {
        try {
            return Json.MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("depth message not serialisable", e);
        }
    }
}
