package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsApiTest {
    static ExchangeSimulator sim;
    static Http http;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(SimConfig.defaults());
        http = new Http(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "/api/v3/klines?interval=1m|-1102|Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
                "/api/v3/klines?symbol=&interval=1m|-1102|Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
                "/api/v3/klines?symbol=BTCUSDT|-1102|Mandatory parameter 'interval' was not sent, was empty/null, or malformed.",
                "/api/v3/klines?symbol=NOPEUSDT&interval=1m|-1121|Invalid symbol.",
                "/api/v3/klines?symbol=btcusdt&interval=1m|-1100|Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.",
                "/api/v3/klines?symbol=BTCUSDT&interval=1x|-1120|Invalid interval.",
                "/api/v3/klines?symbol=BTCUSDT&interval=1H|-1120|Invalid interval.",
                "/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=abc|-1100|Illegal characters found in parameter 'startTime'; legal range is '^[0-9]{1,20}$'.",
                "/api/v3/klines?symbol=BTCUSDT&interval=1m&endTime=None|-1100|Illegal characters found in parameter 'endTime'; legal range is '^[0-9]{1,20}$'.",
                "/api/v3/klines?symbol=BTCUSDT&interval=1m&endTime=99999999999999999999|-1130|Data sent for parameter 'endTime' is not valid.",
                "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=0|-1130|Data sent for parameter 'limit' is not valid.",
                "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1001|-1130|Data sent for parameter 'limit' is not valid.",
                "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=-5|-1100|Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.",
                "/api/v3/klines?symbol=BTCUSDT&interval=1m&timeZone=8|-1130|Data sent for parameter 'timeZone' is not valid.",
                "/api/v3/aggTrades|-1102|Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
                "/api/v3/aggTrades?symbol=BTCUSDT&fromId=x1|-1100|Illegal characters found in parameter 'fromId'; legal range is '^[0-9]{1,20}$'.",
                "/api/v3/aggTrades?symbol=XYZ|-1121|Invalid symbol.",
                "/api/v3/exchangeInfo?symbol=NOPEUSDT|-1121|Invalid symbol.",
                "/api/v3/exchangeInfo?symbols=[\"BTCUSDT\",\"NOPE\"]|-1121|Invalid symbol.",
            })
    void badRequestsGetBinanceErrorBodies(String path, int code, String msg) {
        HttpResponse<String> r =
                http.get(path.replace("\"", "%22").replace("[", "%5B").replace("]", "%5D"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type").orElse(""))
                .startsWith("application/json");
        String expected = Http.JSON.createObjectNode().put("code", code).put("msg", msg).toString();
        assertThat(r.body()).isEqualTo(expected);
    }
}
