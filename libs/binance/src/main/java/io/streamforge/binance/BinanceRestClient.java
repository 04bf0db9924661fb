package io.streamforge.binance;

import io.streamforge.binance.wire.BinanceJson;
import io.streamforge.binance.wire.ExchangeInfo;
import io.streamforge.binance.wire.WireMapper;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import io.streamforge.domain.port.TimeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Binance spot market-data REST client. Pages klines and aggTrades over a {@link TimeRange}, trims
 * exactly to it, and never emits a record twice. All requests go through one {@link WeightBudget}
 * per egress host; failures surface as {@link BinanceApiException} (permanent), {@link
 * MalformedResponseException} (permanent) or {@link BinanceTransientException} (after retries).
 */
public final class BinanceRestClient {
    /** Page size used for klines and aggTrades (the exchange maximum). */
    public static final int PAGE_LIMIT = 1000;

    static final long HOUR_US = 3_600_000_000L;

    private final BinanceClientConfig config;
    private final WeightBudget budget;
    private final ClientCounters counters = new ClientCounters();
    private final Transport transport;

    /** Production wiring: shared per-host budget, system clock, real sleeping, no listener. */
    public BinanceRestClient(BinanceClientConfig config) {
        this(config, TimeSource.system(), Sleeper.system(), ClientListener.NONE);
    }

    /** Shared per-host budget with an injected clock, sleeper and listener. */
    public BinanceRestClient(
            BinanceClientConfig config, TimeSource time, Sleeper sleeper, ClientListener listener) {
        this(config, WeightBudget.shared(config), time, sleeper, listener);
    }

    /** Full control, e.g. a private budget in tests. */
    public BinanceRestClient(
            BinanceClientConfig config,
            WeightBudget budget,
            TimeSource time,
            Sleeper sleeper,
            ClientListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.budget = Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(sleeper, "sleeper");
        ClientListener outer = Objects.requireNonNullElse(listener, ClientListener.NONE);
        this.transport = new Transport(config, budget, time, sleeper, both(counters, outer));
    }

    public BinanceClientConfig config() {
        return config;
    }

    public WeightBudget budget() {
        return budget;
    }

    public ClientCounters counters() {
        return counters;
    }

    /**
     * Streams the candles with open time in {@code [range.start, range.end)} page by page (≤ 1000
     * per page, chronological, no duplicates). Stops when the range is covered or the exchange has
     * no more data.
     */
    public void klines(
            Symbol symbol, Interval interval, TimeRange range, Consumer<List<Candle>> pageSink) {
        klines(Endpoint.KLINES, symbol, interval, range, pageSink);
    }

    /**
     * Like {@link #klines(Symbol, Interval, TimeRange, Consumer)} from {@code /api/v3/uiKlines}
     * (same rows, candles adjusted for presentation; weight 2).
     */
    public void uiKlines(
            Symbol symbol, Interval interval, TimeRange range, Consumer<List<Candle>> pageSink) {
        klines(Endpoint.UI_KLINES, symbol, interval, range, pageSink);
    }

    /** All uiKlines of the range in one list (convenience for small ranges). */
    public List<Candle> uiKlines(Symbol symbol, Interval interval, TimeRange range) {
        List<Candle> out = new ArrayList<>();
        uiKlines(symbol, interval, range, out::addAll);
        return out;
    }

    private void klines(
            Endpoint endpoint,
            Symbol symbol,
            Interval interval,
            TimeRange range,
            Consumer<List<Candle>> pageSink) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(pageSink, "pageSink");
        long startUs = range.startUs();
        long lastEmittedUs = Long.MIN_VALUE;
        while (startUs < range.endUs()) {
            Map<String, String> p = params(symbol);
            p.put("interval", interval.code());
            p.put("startTime", Long.toString(startParam(startUs)));
            p.put("endTime", Long.toString(endParam(range.endUs())));
            p.put("limit", Integer.toString(PAGE_LIMIT));
            String body = transport.get(endpoint, endpoint.weight(), p);
            List<Candle> page =
                    WireMapper.candles(symbol, interval, BinanceJson.klines(endpoint.path(), body));
            if (page.isEmpty()) {
                return;
            }
            List<Candle> keep = new ArrayList<>(page.size());
            for (Candle c : page) {
                if (c.openTimeUs() > lastEmittedUs && range.contains(c.openTimeUs())) {
                    keep.add(c);
                    lastEmittedUs = c.openTimeUs();
                }
            }
            if (!keep.isEmpty()) {
                pageSink.accept(Collections.unmodifiableList(keep));
            }
            long next = interval.nextOpenTime(page.get(page.size() - 1).openTimeUs());
            if (page.size() < PAGE_LIMIT) {
                return;
            }
            if (next <= startUs) {
                throw new MalformedResponseException(
                        "klines " + symbol + " " + interval.code() + ": page made no progress",
                        null);
            }
            startUs = next;
        }
    }

    /** All candles of the range in one list (convenience for small ranges). */
    public List<Candle> klines(Symbol symbol, Interval interval, TimeRange range) {
        List<Candle> out = new ArrayList<>();
        klines(symbol, interval, range, out::addAll);
        return out;
    }

    /**
     * Streams the aggTrades with time in {@code [range.start, range.end)}: finds the first id with
     * a time-window query (≤ 1 h, widened hour by hour), then pages by {@code fromId = last + 1}
     * until a trade at or after the end. Ids strictly increase; invalidated records are kept.
     */
    public void aggTrades(Symbol symbol, TimeRange range, Consumer<List<AggTrade>> pageSink) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(pageSink, "pageSink");
        FirstPage first = firstAggTrades(symbol, range);
        List<AggTrade> page = first.trades();
        boolean complete = first.complete();
        long lastId = -1;
        while (!page.isEmpty()) {
            long before = lastId;
            boolean reachedEnd = false;
            List<AggTrade> keep = new ArrayList<>(page.size());
            for (AggTrade t : page) {
                if (t.aggId() <= lastId) {
                    continue;
                }
                if (t.timeUs() >= range.endUs()) {
                    reachedEnd = true;
                    break;
                }
                lastId = t.aggId();
                if (t.timeUs() >= range.startUs()) {
                    keep.add(t);
                }
            }
            if (!keep.isEmpty()) {
                pageSink.accept(Collections.unmodifiableList(keep));
            }
            if (reachedEnd || complete) {
                return;
            }
            if (lastId == before) {
                throw new MalformedResponseException(
                        "aggTrades " + symbol + ": page after id " + before + " made no progress",
                        null);
            }
            page = aggTradesFrom(symbol, lastId + 1, PAGE_LIMIT);
            complete = page.size() < PAGE_LIMIT; // no more trades at the exchange yet
        }
    }

    /** All aggTrades of the range in one list (convenience for small ranges). */
    public List<AggTrade> aggTrades(Symbol symbol, TimeRange range) {
        List<AggTrade> out = new ArrayList<>();
        aggTrades(symbol, range, out::addAll);
        return out;
    }

    /** Symbols whose status is TRADING, sorted. */
    public Set<Symbol> tradingSymbols() {
        Set<Symbol> out = new TreeSet<>();
        for (ExchangeInfo.SymbolInfo s : exchangeInfo().symbols()) {
            if (s.trading() && s.symbol() != null) {
                out.add(Symbol.of(s.symbol()));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    public ExchangeInfo exchangeInfo() {
        Endpoint e = Endpoint.EXCHANGE_INFO;
        return BinanceJson.exchangeInfo(e.path(), transport.get(e, e.weight(), Map.of()));
    }

    public long serverTimeMs() {
        Endpoint e = Endpoint.TIME;
        long t = BinanceJson.serverTime(e.path(), transport.get(e, e.weight(), Map.of()));
        return config.useMicroseconds() && t > 10_000_000_000_000L ? t / 1_000L : t;
    }

    public void ping() {
        Endpoint e = Endpoint.PING;
        transport.get(e, e.weight(), Map.of());
    }

    /** The most recent trades ({@code /api/v3/trades}, weight 25), {@code limit} 1..1000. */
    public List<Trade> recentTrades(Symbol symbol, int limit) {
        Map<String, String> p = params(symbol);
        p.put("limit", Integer.toString(checkLimit(limit, PAGE_LIMIT)));
        Endpoint e = Endpoint.TRADES;
        return WireMapper.trades(
                symbol, BinanceJson.trades(e.path(), transport.get(e, e.weight(), p)));
    }

    /** Trades from {@code fromId} on ({@code /api/v3/historicalTrades}, weight 25). */
    public List<Trade> historicalTrades(Symbol symbol, long fromId, int limit) {
        if (fromId < 0) {
            throw new IllegalArgumentException("fromId: must be >= 0, got " + fromId);
        }
        Map<String, String> p = params(symbol);
        p.put("fromId", Long.toString(fromId));
        p.put("limit", Integer.toString(checkLimit(limit, PAGE_LIMIT)));
        Endpoint e = Endpoint.HISTORICAL_TRADES;
        return WireMapper.trades(
                symbol, BinanceJson.trades(e.path(), transport.get(e, e.weight(), p)));
    }

    /**
     * Order-book snapshot ({@code /api/v3/depth}); {@code limit} 1..5000, weight 5/25/50/250 by
     * limit ({@link Endpoint#depthWeight(int)}).
     */
    public DepthSnapshot depth(Symbol symbol, int limit) {
        Map<String, String> p = params(symbol);
        int weight = Endpoint.depthWeight(limit);
        p.put("limit", Integer.toString(limit));
        Endpoint e = Endpoint.DEPTH;
        return BinanceJson.depth(symbol, e.path(), transport.get(e, weight, p));
    }

    /**
     * One page of aggTrades from {@code fromId} on ({@code /api/v3/aggTrades?fromId=}, weight 4),
     * {@code limit} 1..1000; the way to backfill after a WebSocket gap from the last seen id.
     */
    public List<AggTrade> aggTradesFrom(Symbol symbol, long fromId, int limit) {
        if (fromId < 0) {
            throw new IllegalArgumentException("fromId: must be >= 0, got " + fromId);
        }
        Map<String, String> p = params(symbol);
        p.put("fromId", Long.toString(fromId));
        p.put("limit", Integer.toString(checkLimit(limit, PAGE_LIMIT)));
        return fetchAggTrades(symbol, p);
    }

    /** The first non-empty window page; {@code complete} when it holds every trade to the end. */
    private record FirstPage(List<AggTrade> trades, boolean complete) {}

    private FirstPage firstAggTrades(Symbol symbol, TimeRange range) {
        for (long ws = range.startUs(); ws < range.endUs(); ws += HOUR_US) {
            long we = Math.min(ws + HOUR_US, range.endUs());
            Map<String, String> p = params(symbol);
            p.put("startTime", Long.toString(startParam(ws)));
            p.put("endTime", Long.toString(endParam(we)));
            p.put("limit", Integer.toString(PAGE_LIMIT));
            List<AggTrade> page = fetchAggTrades(symbol, p);
            if (!page.isEmpty()) {
                return new FirstPage(page, we == range.endUs() && page.size() < PAGE_LIMIT);
            }
        }
        return new FirstPage(List.of(), true);
    }

    private List<AggTrade> fetchAggTrades(Symbol symbol, Map<String, String> p) {
        Endpoint e = Endpoint.AGG_TRADES;
        String body = transport.get(e, e.weight(), p);
        return WireMapper.aggTrades(symbol, BinanceJson.aggTrades(e.path(), body));
    }

    /** Inclusive startTime: the first ms (or µs) not before {@code startUs}. */
    private long startParam(long startUs) {
        return config.useMicroseconds() ? startUs : Math.floorDiv(startUs + 999, 1_000L);
    }

    /** Inclusive endTime for an exclusive end: the last ms (or µs) before {@code endUs}. */
    private long endParam(long endUs) {
        return config.useMicroseconds() ? endUs - 1 : Math.floorDiv(endUs - 1, 1_000L);
    }

    private static Map<String, String> params(Symbol symbol) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", Objects.requireNonNull(symbol, "symbol").value());
        return p;
    }

    private static int checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("limit: must be 1.." + max + ", got " + limit);
        }
        return limit;
    }

    private static ClientListener both(ClientListener a, ClientListener b) {
        return b == ClientListener.NONE ? a : new TeeListener(a, b);
    }
}
