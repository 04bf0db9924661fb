package io.streamforge.sim;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The deterministic, seeded market behind the simulator: aggTrades for any symbol-day are generated
 * from the seed alone (O(trades of that day), never from the epoch), and klines of every interval
 * are exactly the aggregation of those aggTrades. Nothing exists before the genesis day. The model
 * has no clock: callers (the REST layer) cut data at "now" with the {@code asOfUs} variants.
 * Thread-safe. The generated days live in {@link DayStore}, candles are aggregated by {@link
 * DayKlines} (whole days) and {@link TradeKlines} (shorter intervals).
 */
public final class MarketModel {
    private final long seed;
    private final int perDay;
    private final long genesisDay;
    private final Map<Symbol, SymbolSpec> specs = new LinkedHashMap<>();
    private final DayStore days;
    private final DayKlines dayKlines;
    private final TradeKlines tradeKlines;
    private final ModelAdjustments adjustments;

    public MarketModel(SimConfig config) {
        this.seed = config.seed();
        this.perDay = config.aggTradesPerDay();
        this.genesisDay = config.genesisDate().toEpochDay();
        for (Symbol s : config.symbols()) {
            specs.put(s, SymbolSpec.of(s, seed));
        }
        this.adjustments = new ModelAdjustments(seed);
        this.days = new DayStore(config, specs, adjustments);
        this.dayKlines = new DayKlines(days);
        this.tradeKlines = new TradeKlines(days, adjustments);
    }

    public Set<Symbol> symbols() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(specs.keySet()));
    }

    public boolean hasSymbol(Symbol symbol) {
        return specs.containsKey(symbol);
    }

    /** First µs with data (00:00 UTC of the genesis day). */
    public long genesisUs() {
        return genesisDay * DayGenerator.DAY_US;
    }

    public long seed() {
        return seed;
    }

    public int aggTradesPerDay() {
        return perDay;
    }

    /** Klines whose open time lies in [startUs, endUs), complete (as if now were far away). */
    public List<Candle> klines(Symbol symbol, Interval interval, long startUs, long endUs) {
        return klinesAsOf(symbol, interval, startUs, endUs, Long.MAX_VALUE);
    }

    /**
     * Klines with open time in [startUs, endUs) as seen at {@code asOfUs}: trades at or after
     * asOfUs do not exist, so the candle containing asOfUs is partial and later ones are absent. 1s
     * candles of seconds without trades are flat (previous close, zero volume); seconds before the
     * first trade ever are absent.
     */
    public List<Candle> klinesAsOf(
            Symbol symbol, Interval interval, long startUs, long endUs, long asOfUs) {
        SymbolSpec spec = spec(symbol);
        Objects.requireNonNull(interval, "interval");
        long open = interval.openTimeOf(startUs);
        if (open < startUs) {
            open = interval.nextOpenTime(open);
        }
        if (open < genesisUs()) {
            long atGenesis = interval.openTimeOf(genesisUs());
            open = Math.max(open, atGenesis);
        }
        List<Candle> out = new ArrayList<>();
        long stopAll = Math.min(endUs, asOfUs);
        if (open >= stopAll) {
            return out;
        }
        if (DayKlines.applies(interval)) {
            return dayKlines.klines(spec, interval, open, stopAll, asOfUs);
        }
        return tradeKlines.klines(spec, interval, open, stopAll, asOfUs);
    }

    /** All aggTrades with time in [startUs, endUs), chronological. */
    public List<AggTrade> aggTrades(Symbol symbol, long startUs, long endUs) {
        spec(symbol);
        List<AggTrade> out = new ArrayList<>();
        if (endUs <= genesisUs() || startUs >= endUs) {
            return out;
        }
        TradeCursor cur = new TradeCursor(days, symbol, Math.max(startUs, genesisUs()));
        while (cur.hasTradeBefore(endUs)) {
            out.add(visible(cur.day.trade(cur.idx)));
            cur.advance();
        }
        return out;
    }

    /** Up to {@code limit} aggTrades with id ≥ fromId, chronological. */
    public List<AggTrade> aggTradesFromId(Symbol symbol, long fromId, int limit) {
        spec(symbol);
        requireLimit(limit);
        if (fromId < 0) {
            throw new IllegalArgumentException("fromId must be >= 0, got " + fromId);
        }
        List<AggTrade> out = new ArrayList<>(Math.min(limit, 4_096));
        long day = genesisDay + fromId / perDay;
        int idx = (int) (fromId % perDay);
        while (out.size() < limit) {
            DayData d = day(symbol, day);
            for (; idx < d.size() && out.size() < limit; idx++) {
                out.add(visible(d.trade(idx)));
            }
            day++;
            idx = 0;
        }
        return out;
    }

    /** The last {@code limit} aggTrades with time &lt; endUs, chronological. */
    public List<AggTrade> aggTradesBefore(Symbol symbol, long endUs, int limit) {
        spec(symbol);
        requireLimit(limit);
        List<AggTrade> out = new ArrayList<>();
        long day = Math.floorDiv(endUs - 1, DayGenerator.DAY_US);
        if (day >= genesisDay) {
            DayData d = day(symbol, day);
            int idx = d.indexAtOrAfter(endUs) - 1;
            while (out.size() < limit) {
                if (idx < 0) {
                    if (--day < genesisDay) {
                        break;
                    }
                    d = day(symbol, day);
                    idx = d.size() - 1;
                }
                out.add(visible(d.trade(idx--)));
            }
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * Up to {@code limit} single trades with id ≥ fromTradeId, chronological. An aggTrade with
     * trades f..l expands into l − f + 1 trades at its price and time.
     */
    public List<Trade> tradesFromId(Symbol symbol, long fromTradeId, int limit) {
        spec(symbol);
        requireLimit(limit);
        if (fromTradeId < 0) {
            throw new IllegalArgumentException("fromId must be >= 0, got " + fromTradeId);
        }
        long perDayTrades = 2L * perDay;
        long day = genesisDay + fromTradeId / perDayTrades;
        DayData d = day(symbol, day);
        int idx = d.aggIndexOfTrade(fromTradeId);
        List<Trade> out = new ArrayList<>(Math.min(limit + 8, 4_096));
        while (out.size() < limit) {
            if (idx >= d.size()) {
                d = day(symbol, ++day);
                idx = 0;
            }
            d.addTrades(idx++, out, fromTradeId);
        }
        return out.subList(0, limit);
    }

    /** The last {@code limit} single trades with time &lt; endUs, chronological. */
    public List<Trade> tradesBefore(Symbol symbol, long endUs, int limit) {
        List<AggTrade> aggs = aggTradesBefore(symbol, endUs, limit);
        if (aggs.isEmpty()) {
            return List.of();
        }
        long first = aggs.get(0).firstTradeId();
        int n = (int) (aggs.get(aggs.size() - 1).lastTradeId() - first + 1);
        List<Trade> all = tradesFromId(symbol, first, n);
        return all.subList(Math.max(0, n - limit), n);
    }

    /** Id of the first single trade at or after {@code timeUs}. */
    public long firstTradeIdAtOrAfter(Symbol symbol, long timeUs) {
        spec(symbol);
        if (timeUs <= genesisUs()) {
            return 0;
        }
        DayData d = day(symbol, Math.floorDiv(timeUs, DayGenerator.DAY_US));
        int i = d.indexAtOrAfter(timeUs);
        return i < d.size() ? d.firstTradeId[i] : d.firstTradeId[0] + 2L * perDay;
    }

    /** Log mid price of {@code symbol} at {@code timeUs} (the path trades are printed around). */
    double midPrice(Symbol symbol, long timeUs) {
        SymbolSpec spec = spec(symbol);
        return StrictMath.exp(days.logMid(spec, timeUs));
    }

    /** Agg id of the first trade at or after {@code timeUs} (ids before genesis are 0). */
    public long firstAggIdAtOrAfter(Symbol symbol, long timeUs) {
        spec(symbol);
        if (timeUs <= genesisUs()) {
            return 0;
        }
        long day = Math.floorDiv(timeUs, DayGenerator.DAY_US);
        return day(symbol, day).firstAggId + day(symbol, day).indexAtOrAfter(timeUs);
    }

    SymbolSpec spec(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        SymbolSpec spec = specs.get(symbol);
        if (spec == null) {
            throw new IllegalArgumentException(
                    "unknown symbol '" + symbol + "': the simulator serves " + specs.keySet());
        }
        return spec;
    }

    private DayData day(Symbol symbol, long epochDay) {
        return days.day(symbol, epochDay);
    }

    /**
     * Sets the maintenance windows: no trades (hence no aggTrades, klines, stream events or dump
     * rows) in them; see {@link ModelAdjustments#setMaintenance}. Forgets the cached days.
     */
    void setMaintenance(List<TimeRange> windows) {
        adjustments.setMaintenance(windows);
        days.clear();
        dayKlines.clear();
    }

    /** The maintenance windows in force (whole minutes). */
    public List<TimeRange> maintenanceWindows() {
        return adjustments.maintenance();
    }

    /** True when [startUs, endUs) lies inside one maintenance window. */
    public boolean inMaintenance(long startUs, long endUs) {
        return adjustments.inMaintenance(startUs, endUs);
    }

    void setInvalidFraction(double fraction) {
        adjustments.setInvalidFraction(fraction);
    }

    /** Fraction of aggTrades served invalidated (p=0, q=0, f=-1, l=-1); 0 by default. */
    public double invalidAggTradeFraction() {
        return adjustments.invalidFraction();
    }

    AggTrade visible(AggTrade t) {
        return adjustments.visible(t);
    }

    private static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }

    @Override
    public String toString() {
        return "MarketModel[seed="
                + seed
                + ", symbols="
                + specs.keySet()
                + ", aggTradesPerDay="
                + perDay
                + ", genesis="
                + Micros.toDate(genesisUs())
                + "]";
    }
}
