package io.streamforge.testkit;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small, deterministic market-data and queue records for tests. */
public final class Fixtures {
    public static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    public static final Symbol ETHUSDT = Symbol.of("ETHUSDT");

    /** 2024-01-01T00:00:00Z in µs: the default start of every series. */
    public static final long T0_US = Micros.of(LocalDate.of(2024, 1, 1));

    private Fixtures() {}

    /** A valid candle (open=close=price, high=price+1, low=price-1) at an aligned open time. */
    public static Candle candle(Symbol symbol, Interval interval, long openTimeUs, String price) {
        BigDecimal p = new BigDecimal(price);
        return new Candle(
                symbol,
                interval,
                openTimeUs,
                interval.closeTimeOf(openTimeUs),
                p,
                p.add(BigDecimal.ONE),
                p.subtract(BigDecimal.ONE).max(BigDecimal.ZERO),
                p,
                new BigDecimal("12.5"),
                p.multiply(new BigDecimal("12.5")),
                42,
                new BigDecimal("6.25"),
                p.multiply(new BigDecimal("6.25")));
    }

    /** {@code count} consecutive candles from {@code startUs} with prices 100, 101, … */
    public static List<Candle> candles(Symbol symbol, Interval interval, long startUs, int count) {
        List<Candle> out = new ArrayList<>(count);
        long t = interval.openTimeOf(startUs);
        for (int i = 0; i < count; i++) {
            out.add(candle(symbol, interval, t, String.valueOf(100 + i)));
            t = interval.nextOpenTime(t);
        }
        return out;
    }

    /** A copy of {@code c} with another close price (same key): a later version of it. */
    public static Candle withClose(Candle c, String close) {
        BigDecimal p = new BigDecimal(close);
        return new Candle(
                c.symbol(),
                c.interval(),
                c.openTimeUs(),
                c.closeTimeUs(),
                c.open(),
                c.high().max(p),
                c.low().min(p),
                p,
                c.volume(),
                c.quoteVolume(),
                c.tradeCount() + 1,
                c.takerBuyBaseVolume(),
                c.takerBuyQuoteVolume());
    }

    public static AggTrade aggTrade(
            Symbol symbol, long aggId, long timeUs, String price, String qty) {
        return new AggTrade(
                symbol,
                aggId,
                new BigDecimal(price),
                new BigDecimal(qty),
                aggId * 10,
                aggId * 10 + 2,
                timeUs,
                aggId % 2 == 0,
                true);
    }

    /** {@code count} aggTrades with ids from {@code firstAggId}, {@code stepUs} apart. */
    public static List<AggTrade> aggTrades(
            Symbol symbol, long firstAggId, long startUs, long stepUs, int count) {
        List<AggTrade> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(aggTrade(symbol, firstAggId + i, startUs + i * stepUs, "42000." + i, "0.001"));
        }
        return out;
    }

    /** An aggTrade as Binance invalidates audited duplicates: p=0, q=0, f=-1, l=-1. */
    public static AggTrade invalidatedAggTrade(Symbol symbol, long aggId, long timeUs) {
        return new AggTrade(
                symbol, aggId, BigDecimal.ZERO, BigDecimal.ZERO, -1, -1, timeUs, false, true);
    }

    public static Trade trade(Symbol symbol, long tradeId, long timeUs, String price, String qty) {
        BigDecimal p = new BigDecimal(price);
        BigDecimal q = new BigDecimal(qty);
        return new Trade(symbol, tradeId, p, q, p.multiply(q), timeUs, tradeId % 3 == 0, true);
    }

    public static List<Trade> trades(
            Symbol symbol, long firstTradeId, long startUs, long stepUs, int count) {
        List<Trade> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(trade(symbol, firstTradeId + i, startUs + i * stepUs, "3000.5", "0.25"));
        }
        return out;
    }

    /** A pending queue with two steps ({@code loader} then {@code graph}, which depends on it). */
    public static QueueRecord queue(String queueId, long createdAtUs) {
        StepRecord loader = step(queueId, "loader-api-candles", queueId + "-loader", List.of());
        StepRecord graph =
                step(queueId, "arango-connector", queueId + "-graph", List.of(queueId + "-loader"));
        return new QueueRecord(
                queueId,
                queueId.length() > 8 ? queueId.substring(0, 8) : queueId,
                List.of("BTCUSDT", "ETHUSDT"),
                "candles",
                "2024-01-01:2024-01-02",
                "sf." + queueId + ".data",
                "candles_" + queueId,
                QueueStatus.PENDING,
                createdAtUs,
                createdAtUs,
                "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],\"interval\":\"1m\"}",
                List.of(loader, graph));
    }

    public static StepRecord step(
            String queueId, String target, String telemetryId, List<String> dependsOn) {
        return new StepRecord(
                queueId,
                target,
                "candles",
                telemetryId,
                "job-" + telemetryId,
                dependsOn,
                StepStatus.PENDING,
                0,
                "",
                0,
                0,
                LaunchState.NONE,
                0,
                "streamforge/" + target + ":test",
                Map.of("QUEUE_ID", queueId, "TELEMETRY_ID", telemetryId, "SYMBOLS", "BTCUSDT"));
    }
}
