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
 * MalformedResponseException} (permanent) or {@link BinanceTransientException} (after retries). The
 * paging and trimming live in {@link RestPaging}.
 */
public final class BinanceRestClient {
    /** Page size used for klines and aggTrades (the exchange maximum). */
    public static final int PAGE_LIMIT = 1000;

    private final BinanceClientConfig config;
    private final WeightBudget budget;
    private final ClientCounters counters = new ClientCounters();
    private final Transport transport;
    private final RestPaging paging;

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
        this.paging = new RestPaging(transport, config.useMicroseconds());
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
        paging.klines(Endpoint.KLINES, symbol, interval, range, pageSink);
    }

    /**
     * Like {@link #klines(Symbol, Interval, TimeRange, Consumer)} from {@code /api/v3/uiKlines}
     * (same rows, candles adjusted for presentation; weight 2).
     */
    public void uiKlines(
            Symbol symbol, Interval interval, TimeRange range, Consumer<List<Candle>> pageSink) {
        paging.klines(Endpoint.UI_KLINES, symbol, interval, range, pageSink);
    }

    /** All uiKlines of the range in one list (convenience for small ranges). */
    public List<Candle> uiKlines(Symbol symbol, Interval interval, TimeRange range) {
        List<Candle> out = new ArrayList<>();
        uiKlines(symbol, interval, range, out::addAll);
        return out;
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
        paging.aggTrades(symbol, range, pageSink);
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
        Map<String, String> p = RestPaging.params(symbol);
        p.put("limit", Integer.toString(RestPaging.checkLimit(limit, PAGE_LIMIT)));
        Endpoint e = Endpoint.TRADES;
        return WireMapper.trades(
                symbol, BinanceJson.trades(e.path(), transport.get(e, e.weight(), p)));
    }

    /** Trades from {@code fromId} on ({@code /api/v3/historicalTrades}, weight 25). */
    public List<Trade> historicalTrades(Symbol symbol, long fromId, int limit) {
        if (fromId < 0) {
            throw new IllegalArgumentException("fromId: must be >= 0, got " + fromId);
        }
        Map<String, String> p = RestPaging.params(symbol);
        p.put("fromId", Long.toString(fromId));
        p.put("limit", Integer.toString(RestPaging.checkLimit(limit, PAGE_LIMIT)));
        Endpoint e = Endpoint.HISTORICAL_TRADES;
        return WireMapper.trades(
                symbol, BinanceJson.trades(e.path(), transport.get(e, e.weight(), p)));
    }

    /**
     * Order-book snapshot ({@code /api/v3/depth}); {@code limit} 1..5000, weight 5/25/50/250 by
     * limit ({@link Endpoint#depthWeight(int)}).
     */
    public DepthSnapshot depth(Symbol symbol, int limit) {
        Map<String, String> p = RestPaging.params(symbol);
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
        return paging.aggTradesFrom(symbol, fromId, limit);
    }

    private static ClientListener both(ClientListener a, ClientListener b) {
        return b == ClientListener.NONE ? a : new TeeListener(a, b);
    }
}
