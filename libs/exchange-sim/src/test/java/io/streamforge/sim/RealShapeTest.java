package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compares the JSON shape with real Binance responses read from ../shared/realdata/rest. */
class RealShapeTest {
    static ExchangeSimulator sim;
    static Http http;
    static Path rest;

    @BeforeAll
    static void start() {
        String shared = System.getProperty("streamforge.shared");
        rest = shared == null ? null : Path.of(shared, "realdata", "rest");
        Assumptions.assumeTrue(
                rest != null && Files.isDirectory(rest),
                "shared real data not present (streamforge.shared=" + shared + "); skipping");
        sim = ExchangeSimulator.start(SimConfig.defaults());
        http = new Http(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    static JsonNode real(String file) throws IOException {
        return Http.JSON.readTree(rest.resolve(file).toFile());
    }

    /** Type signature of a node: objects by field name, arrays by element, decimals as strings. */
    static String shape(JsonNode n) {
        if (n.isObject()) {
            List<String> parts = new ArrayList<>();
            n.fields().forEachRemaining(e -> parts.add(e.getKey() + ":" + shape(e.getValue())));
            return "{" + String.join(",", parts) + "}";
        }
        if (n.isArray()) {
            return n.isEmpty() ? "[]" : "[" + shape(n.get(0)) + "...]";
        }
        if (n.isTextual()) {
            return n.asText().matches("-?\\d+\\.\\d{8}") ? "dec8" : "str";
        }
        if (n.isIntegralNumber()) {
            return "int";
        }
        return n.getNodeType().toString();
    }

    @Test
    void klinesHaveTheRealShape() throws IOException {
        JsonNode mine = Http.json(http.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=3"));
        assertThat(shape(mine)).isEqualTo(shape(real("nautilus_http_spot_market_klines.json")));
    }

    @Test
    void aggTradesHaveTheRealShape() throws IOException {
        JsonNode mine = Http.json(http.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=3"));
        assertThat(shape(mine)).isEqualTo(shape(real("nautilus_http_spot_market_agg_trades.json")));
    }

    @Test
    void tradesAndHistoricalTradesHaveTheRealShape() throws IOException {
        JsonNode mine = Http.json(http.get("/api/v3/trades?symbol=BTCUSDT&limit=3"));
        assertThat(shape(mine)).isEqualTo(shape(real("nautilus_http_spot_market_trades.json")));
        JsonNode hist = Http.json(http.get("/api/v3/historicalTrades?symbol=BTCUSDT&limit=3"));
        assertThat(shape(hist))
                .isEqualTo(shape(real("nautilus_http_spot_market_historical_trades.json")));
    }

    @Test
    void depthHasTheRealShape() throws IOException {
        JsonNode mine = Http.json(http.get("/api/v3/depth?symbol=BTCUSDT&limit=10"));
        assertThat(shape(mine)).isEqualTo(shape(real("nautilus_http_spot_market_depth.json")));
    }

    @Test
    void timeHasTheRealShape() throws IOException {
        assertThat(shape(Http.json(http.get("/api/v3/time"))))
                .isEqualTo(shape(real("nautilus_http_spot_market_time.json")));
    }

    @Test
    void exchangeInfoHasTheRealFieldsAndTypes() throws IOException {
        JsonNode real = real("nautilus_http_spot_market_exchange_info.json");
        JsonNode mine = Http.json(http.get("/api/v3/exchangeInfo"));
        assertThat(fieldNames(mine)).isEqualTo(fieldNames(real));
        assertThat(shape(mine.get("rateLimits"))).isEqualTo(shape(real.get("rateLimits")));
        JsonNode realSymbol = real.get("symbols").get(0);
        JsonNode mySymbol = mine.get("symbols").get(0);
        assertThat(fieldNames(mySymbol)).isEqualTo(fieldNames(realSymbol));
        for (String f : fieldNames(realSymbol)) {
            if (!f.equals("filters")) {
                assertThat(shape(mySymbol.get(f))).as(f).isEqualTo(shape(realSymbol.get(f)));
            }
        }
        for (JsonNode filter : mySymbol.get("filters")) {
            JsonNode match = null;
            for (JsonNode r : realSymbol.get("filters")) {
                if (r.get("filterType").equals(filter.get("filterType"))) {
                    match = r;
                }
            }
            assertThat(match).as(filter.get("filterType").asText()).isNotNull();
            assertThat(shape(filter)).isEqualTo(shape(match));
        }
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
