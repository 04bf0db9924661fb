package io.streamforge.binance;

import io.streamforge.binance.wire.BinanceJson;
import io.streamforge.binance.wire.WireMapper;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The paging of {@link BinanceRestClient} over a {@link TimeRange}: klines by start time, aggTrades
 * by a first time window and then by id; each page trimmed exactly to the range, no record emitted
 * twice. Also the request-parameter helpers the client shares ({@link #params}, {@link
 * #checkLimit}, the time bounds {@link #startTime}/{@link #endTime}).
 */
final class RestPaging {
    static final int PAGE_LIMIT = BinanceRestClient.PAGE_LIMIT;
    static final long HOUR_US = 3_600_000_000L;

    private final Transport transport;
    private final boolean micros;

    RestPaging(Transport transport, boolean useMicroseconds) {
        this.transport = transport;
        this.micros = useMicroseconds;
    }

    /** Klines of {@code endpoint} (klines or uiKlines) with open time in the range, by pages. */
    void klines(
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
            p.put("startTime", Long.toString(startTime(startUs, micros)));
            p.put("endTime", Long.toString(endTime(range.endUs(), micros)));
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

    /** AggTrades with time in the range: the first window page, then by {@code fromId}. */
    void aggTrades(Symbol symbol, TimeRange range, Consumer<List<AggTrade>> pageSink) {
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

    /** One page of aggTrades from {@code fromId} on. */
    List<AggTrade> aggTradesFrom(Symbol symbol, long fromId, int limit) {
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
            p.put("startTime", Long.toString(startTime(ws, micros)));
            p.put("endTime", Long.toString(endTime(we, micros)));
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
    static long startTime(long startUs, boolean micros) {
        return micros ? startUs : Math.floorDiv(startUs + 999, 1_000L);
    }

    /** Inclusive endTime for an exclusive end: the last ms (or µs) before {@code endUs}. */
    static long endTime(long endUs, boolean micros) {
        return micros ? endUs - 1 : Math.floorDiv(endUs - 1, 1_000L);
    }

    /** New, ordered request parameters holding {@code symbol}. */
    static Map<String, String> params(Symbol symbol) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", Objects.requireNonNull(symbol, "symbol").value());
        return p;
    }

    /** {@code limit} when it is 1..max, else an {@link IllegalArgumentException} naming it. */
    static int checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("limit: must be 1.." + max + ", got " + limit);
        }
        return limit;
    }
}
