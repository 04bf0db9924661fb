package io.streamforge.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Producers of stream events from the model as "now" advances. Each starts at the instant it is
 * created (a new subscriber sees events from then on) and, on every poll, returns the events of
 * (previous now, now]: the trades in between, closed klines (x=true) and a kline update every 2 s
 * of simulated time (1 s for 1s), depth diffs every 1 s or 100 ms.
 */
final class StreamProducers {
    /** Backlog above which depth events of one poll are merged into one (fast replay). */
    static final int MAX_DEPTH_EVENTS_PER_POLL = 50;

    private static final int BATCH = 5_000;

    private StreamProducers() {}

    interface Producer {
        List<StreamEvent> poll(long nowUs);
    }

    static Producer create(StreamName n, MarketModel model, Faults faults, long nowUs) {
        switch (n.kind()) {
            case AGG_TRADE:
                return aggTrades(model, n.symbol(), nowUs);
            case TRADE:
                return trades(model, n.symbol(), nowUs);
            case KLINE:
                return new Klines(model, n.symbol(), n.interval(), nowUs);
            case DEPTH_DIFF:
                return new DepthDiff(model, faults, n, nowUs);
            default:
                return new DepthPartial(model, n, nowUs);
        }
    }

    private static Producer aggTrades(MarketModel model, Symbol symbol, long startUs) {
        long[] next = {model.firstAggIdAtOrAfter(symbol, startUs)};
        return nowUs -> {
            long end = model.firstAggIdAtOrAfter(symbol, nowUs);
            List<StreamEvent> out = new ArrayList<>();
            while (next[0] < end) {
                int n = (int) Math.min(BATCH, end - next[0]);
                for (AggTrade t : model.aggTradesFromId(symbol, next[0], n)) {
                    out.add(StreamEvent.of((g, us) -> aggTrade(g, t, us)));
                }
                next[0] += n;
            }
            return out;
        };
    }

    static void aggTrade(JsonGenerator g, AggTrade t, boolean us) throws IOException {
        g.writeStartObject();
        g.writeStringField("e", "aggTrade");
        g.writeNumberField("E", JsonOut.time(t.timeUs(), us));
        g.writeStringField("s", t.symbol().value());
        g.writeNumberField("a", t.aggId());
        g.writeStringField("p", JsonOut.decimal(t.price()));
        g.writeStringField("q", JsonOut.decimal(t.qty()));
        g.writeNumberField("f", t.firstTradeId());
        g.writeNumberField("l", t.lastTradeId());
        g.writeNumberField("T", JsonOut.time(t.timeUs(), us));
        g.writeBooleanField("m", t.buyerMaker());
        g.writeBooleanField("M", t.bestMatch());
        g.writeEndObject();
    }

    private static Producer trades(MarketModel model, Symbol symbol, long startUs) {
        long[] next = {model.firstTradeIdAtOrAfter(symbol, startUs)};
        return nowUs -> {
            long end = model.firstTradeIdAtOrAfter(symbol, nowUs);
            List<StreamEvent> out = new ArrayList<>();
            while (next[0] < end) {
                int n = (int) Math.min(BATCH, end - next[0]);
                for (Trade t : model.tradesFromId(symbol, next[0], n)) {
                    out.add(StreamEvent.of((g, us) -> trade(g, t, us)));
                }
                next[0] += n;
            }
            return out;
        };
    }

    private static void trade(JsonGenerator g, Trade t, boolean us) throws IOException {
        g.writeStartObject();
        g.writeStringField("e", "trade");
        g.writeNumberField("E", JsonOut.time(t.timeUs(), us));
        g.writeStringField("s", t.symbol().value());
        g.writeNumberField("t", t.tradeId());
        g.writeStringField("p", JsonOut.decimal(t.price()));
        g.writeStringField("q", JsonOut.decimal(t.qty()));
        g.writeNumberField("T", JsonOut.time(t.timeUs(), us));
        g.writeBooleanField("m", t.buyerMaker());
        g.writeBooleanField("M", t.bestMatch());
        g.writeEndObject();
    }

    /** Kline events: every closed candle (x=true) and the open one every 2 s (1 s for 1s). */
    private static final class Klines implements Producer {
        private final MarketModel model;
        private final Symbol symbol;
        private final Interval interval;
        private final long periodUs;
        private long pendingOpen;
        private long lastUs;

        Klines(MarketModel model, Symbol symbol, Interval interval, long nowUs) {
            this.model = model;
            this.symbol = symbol;
            this.interval = interval;
            this.periodUs = interval == Interval.S1 ? 1_000_000L : 2_000_000L;
            this.pendingOpen = interval.openTimeOf(nowUs);
            this.lastUs = nowUs;
        }

        @Override
        public List<StreamEvent> poll(long nowUs) {
            List<StreamEvent> out = new ArrayList<>();
            long current = interval.openTimeOf(nowUs);
            if (current > pendingOpen) {
                for (Candle c : model.klinesAsOf(symbol, interval, pendingOpen, current, nowUs)) {
                    out.add(event(c, c.closeTimeUs() + 1_000L, Long.MAX_VALUE, true));
                }
                pendingOpen = current;
            }
            if (Math.floorDiv(nowUs, periodUs) > Math.floorDiv(lastUs, periodUs)) {
                for (Candle c : model.klinesAsOf(symbol, interval, current, current + 1, nowUs)) {
                    out.add(event(c, nowUs, nowUs, false));
                }
            }
            lastUs = nowUs;
            return out;
        }

        private StreamEvent event(Candle c, long eventUs, long asOfUs, boolean closed) {
            long first = -1;
            long last = -1;
            if (c.tradeCount() > 0) {
                first = model.firstTradeIdAtOrAfter(symbol, c.openTimeUs());
                last = first + c.tradeCount() - 1;
            }
            long f = first;
            long l = last;
            return StreamEvent.of((g, us) -> kline(g, c, eventUs, f, l, closed, us));
        }
    }

    private static void kline(
            JsonGenerator g, Candle c, long eventUs, long f, long l, boolean closed, boolean us)
            throws IOException {
        long nextOpenUs = c.closeTimeUs() + 1_000L;
        g.writeStartObject();
        g.writeStringField("e", "kline");
        g.writeNumberField("E", JsonOut.time(eventUs, us));
        g.writeStringField("s", c.symbol().value());
        g.writeObjectFieldStart("k");
        g.writeNumberField("t", JsonOut.time(c.openTimeUs(), us));
        g.writeNumberField("T", us ? nextOpenUs - 1 : nextOpenUs / 1_000L - 1);
        g.writeStringField("s", c.symbol().value());
        g.writeStringField("i", c.interval().code());
        g.writeNumberField("f", f);
        g.writeNumberField("L", l);
        g.writeStringField("o", JsonOut.decimal(c.open()));
        g.writeStringField("c", JsonOut.decimal(c.close()));
        g.writeStringField("h", JsonOut.decimal(c.high()));
        g.writeStringField("l", JsonOut.decimal(c.low()));
        g.writeStringField("v", JsonOut.decimal(c.volume()));
        g.writeNumberField("n", c.tradeCount());
        g.writeBooleanField("x", closed);
        g.writeStringField("q", JsonOut.decimal(c.quoteVolume()));
        g.writeStringField("V", JsonOut.decimal(c.takerBuyBaseVolume()));
        g.writeStringField("Q", JsonOut.decimal(c.takerBuyQuoteVolume()));
        g.writeStringField("B", "0");
        g.writeEndObject();
        g.writeEndObject();
    }

    /** {@code depthUpdate} events: U..u with the levels changed (0 = removed). */
    private static final class DepthDiff implements Producer {
        private final Faults faults;
        private final SymbolSpec spec;
        private final OrderBook book;
        private final long cadence;
        private long gapsSeen;

        DepthDiff(MarketModel model, Faults faults, StreamName n, long nowUs) {
            this.faults = faults;
            this.spec = model.spec(n.symbol());
            this.cadence = n.fast() ? 1 : 10;
            long start = Math.floorDiv(DepthBook.lastUpdateId(nowUs), cadence) * cadence;
            this.book = OrderBook.at(model, spec, start);
            this.gapsSeen = faults.depthGaps();
        }

        @Override
        public List<StreamEvent> poll(long nowUs) {
            long target = Math.floorDiv(DepthBook.lastUpdateId(nowUs), cadence) * cadence;
            List<StreamEvent> out = new ArrayList<>();
            long events = (target - book.updateId) / cadence;
            long step = events > MAX_DEPTH_EVENTS_PER_POLL ? target - book.updateId : cadence;
            while (book.updateId < target) {
                long first = book.updateId + 1;
                OrderBook.Changes c = new OrderBook.Changes();
                book.advanceTo(book.updateId + step, c);
                long last = book.updateId;
                long gaps = faults.depthGaps();
                if (gaps != gapsSeen) {
                    gapsSeen = gaps;
                    continue;
                }
                out.add(StreamEvent.of((g, us) -> diff(g, spec, first, last, c, us)));
            }
            return out;
        }
    }

    private static void diff(
            JsonGenerator g,
            SymbolSpec spec,
            long first,
            long last,
            OrderBook.Changes c,
            boolean us)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("e", "depthUpdate");
        g.writeNumberField("E", JsonOut.time(last * DepthBook.STEP_US, us));
        g.writeStringField("s", spec.symbol().value());
        g.writeNumberField("U", first);
        g.writeNumberField("u", last);
        DepthBook.changes(g, spec, c);
        g.writeEndObject();
    }

    /** Partial book depth: the top 5/10/20 levels every 1 s or 100 ms. */
    private static final class DepthPartial implements Producer {
        private final OrderBook book;
        private final int levels;
        private final long cadence;

        DepthPartial(MarketModel model, StreamName n, long nowUs) {
            this.levels = n.levels();
            this.cadence = n.fast() ? 1 : 10;
            long start = Math.floorDiv(DepthBook.lastUpdateId(nowUs), cadence) * cadence;
            this.book = OrderBook.at(model, model.spec(n.symbol()), start);
        }

        @Override
        public List<StreamEvent> poll(long nowUs) {
            long target = Math.floorDiv(DepthBook.lastUpdateId(nowUs), cadence) * cadence;
            if (target <= book.updateId) {
                return List.of();
            }
            book.advanceTo(target, new OrderBook.Changes());
            String json = DepthBook.json(book, levels);
            return List.of(StreamEvent.of((g, us) -> g.writeRawValue(json)));
        }
    }
}
