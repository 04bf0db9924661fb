package io.streamforge.benchpeer.binance;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import com.binance.connector.client.impl.spot.Market;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The official client's side of {@code streamforge bench client}, run in a child JVM on the peer
 * classpath. Both clients take base URLs, so they are pointed at the loopback simulator / frame
 * blaster. Each message or page is parsed into typed values with org.json (the JSON library the
 * official client ships with); the result is one {@code RESULT key=value ...} line on stdout.
 *
 * <ul>
 *   <li>{@code ws <wsBaseUrl> <stream> <warmUpSeconds> <seconds>}: one combined-stream connection.
 *   <li>{@code rest <baseUrl> klines|aggTrades <symbol> <startMs> <seconds>}: pages of 1000 for
 *       {@code seconds}, one after the other. The client has no weight budget and its {@code
 *       BinanceClientException} carries the status but not the {@code Retry-After} header, so a
 *       429/418 is answered with a fixed 1 s back-off.
 * </ul>
 */
public final class OfficialClientRun {
    /** An aggTrade as typed values. */
    record AggTrade(
            String symbol,
            long aggId,
            BigDecimal price,
            BigDecimal qty,
            long firstId,
            long lastId,
            long time,
            boolean buyerMaker,
            boolean bestMatch) {}

    /** A kline as typed values. */
    record Kline(
            long openTime,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            BigDecimal volume,
            long closeTime,
            BigDecimal quoteVolume,
            long trades,
            BigDecimal takerBase,
            BigDecimal takerQuote) {}

    static volatile Object sink; // keeps the parsed values alive

    private OfficialClientRun() {}

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "ws" -> ws(a[1], a[2], Double.parseDouble(a[3]), Double.parseDouble(a[4]));
            case "rest" -> rest(a[1], a[2], a[3], Long.parseLong(a[4]), Double.parseDouble(a[5]));
            default -> throw new IllegalArgumentException("ws|rest, got " + a[0]);
        }
        System.exit(0);
    }

    static AggTrade aggTrade(JSONObject d) {
        return new AggTrade(
                d.getString("s"),
                d.getLong("a"),
                new BigDecimal(d.getString("p")),
                new BigDecimal(d.getString("q")),
                d.getLong("f"),
                d.getLong("l"),
                d.getLong("T"),
                d.getBoolean("m"),
                d.getBoolean("M"));
    }

    static void ws(String base, String stream, double warmUp, double seconds) throws Exception {
        WebSocketStreamClientImpl client = new WebSocketStreamClientImpl(base);
        AtomicLong n = new AtomicLong();
        client.combineStreams(
                new ArrayList<>(List.of(stream)),
                msg -> {
                    sink = aggTrade(new JSONObject(msg).getJSONObject("data"));
                    n.incrementAndGet();
                });
        Thread.sleep((long) (warmUp * 1000));
        long n0 = n.get();
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long n1 = n.get();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.println("RESULT messages=" + (n1 - n0) + " seconds=" + s);
        client.closeAllConnections();
    }

    static void rest(String base, String kind, String symbol, long startMs, double seconds)
            throws InterruptedException {
        Market market = new SpotClientImpl(base).createMarket();
        long pages = 0;
        long limited = 0;
        long next = -1; // klines: next open time; aggTrades: next id
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            LinkedHashMap<String, Object> p = new LinkedHashMap<>();
            p.put("symbol", symbol);
            p.put("limit", 1000);
            try {
                if (kind.equals("klines")) {
                    p.put("interval", "1m");
                    p.put("startTime", next < 0 ? startMs : next);
                    JSONArray rows = new JSONArray(market.klines(p));
                    for (int i = 0; i < rows.length(); i++) {
                        JSONArray k = rows.getJSONArray(i);
                        sink =
                                new Kline(
                                        k.getLong(0),
                                        k.getBigDecimal(1),
                                        k.getBigDecimal(2),
                                        k.getBigDecimal(3),
                                        k.getBigDecimal(4),
                                        k.getBigDecimal(5),
                                        k.getLong(6),
                                        k.getBigDecimal(7),
                                        k.getLong(8),
                                        k.getBigDecimal(9),
                                        k.getBigDecimal(10));
                        next = k.getLong(0) + 60_000;
                    }
                } else {
                    if (next < 0) {
                        p.put("startTime", startMs);
                        p.put("endTime", startMs + 3_600_000);
                    } else {
                        p.put("fromId", next);
                    }
                    JSONArray rows = new JSONArray(market.aggTrades(p));
                    for (int i = 0; i < rows.length(); i++) {
                        JSONObject t = rows.getJSONObject(i);
                        t.put("s", symbol);
                        AggTrade v = aggTrade(t);
                        sink = v;
                        next = v.aggId() + 1;
                    }
                }
                pages++;
            } catch (BinanceClientException e) {
                if (e.getHttpStatusCode() != 429 && e.getHttpStatusCode() != 418) {
                    throw e;
                }
                limited++;
                Thread.sleep(1_000); // Retry-After is not exposed by the client
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.println("RESULT pages=" + pages + " seconds=" + s + " limited=" + limited);
    }
}
