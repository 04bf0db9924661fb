package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY / GET_PROPERTY and their errors. */
class ControlProtocolTest {
    static ExchangeSimulator sim;
    static TestClock clock;

    @BeforeAll
    static void start() {
        clock = new TestClock(StreamsTest.START_US);
        StreamLimits lenient =
                new StreamLimits(3, 100, 300, 300_000, 86_400_000, 20_000, 60_000, 50);
        sim =
                ExchangeSimulator.start(
                        SimConfig.defaults()
                                .withSymbols("BTCUSDT", "ETHUSDT")
                                .withTimeSource(clock)
                                .withStreams(lenient));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String ask(Ws ws, String request) {
        ws.send(request);
        return ws.next(5);
    }

    @Test
    void repliesAsBinance() throws InterruptedException {
        try (Ws ws = Ws.connect(sim.wsBaseUrl() + "/ws")) {
            assertThat(
                            ask(
                                    ws,
                                    "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\",\"btcusdt@depth\"],\"id\":1}"))
                    .isEqualTo("{\"result\":null,\"id\":1}");
            assertThat(ask(ws, "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}"))
                    .isEqualTo("{\"result\":[\"btcusdt@aggTrade\",\"btcusdt@depth\"],\"id\":3}");
            assertThat(
                            ask(
                                    ws,
                                    "{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@depth\"],\"id\":312}"))
                    .isEqualTo("{\"result\":null,\"id\":312}");
            assertThat(ask(ws, "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"abc9\"}"))
                    .isEqualTo("{\"result\":[\"btcusdt@aggTrade\"],\"id\":\"abc9\"}");
            assertThat(ask(ws, "{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":2}"))
                    .isEqualTo("{\"result\":false,\"id\":2}");
            assertThat(
                            ask(
                                    ws,
                                    "{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}"))
                    .isEqualTo("{\"result\":null,\"id\":5}");
            assertThat(ask(ws, "{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":6}"))
                    .isEqualTo("{\"result\":true,\"id\":6}");
            Thread.sleep(150); // the hub starts the new stream at its next tick
            clock.advanceUs(600_000_000L);
            JsonNode event = ws.nextJson(5);
            assertThat(event.get("stream").asText()).isEqualTo("btcusdt@aggTrade");
            assertThat(event.get("data").get("e").asText()).isEqualTo("aggTrade");
        }
    }

    @Test
    void errorsCarryCodesZeroToThree() {
        try (Ws ws = Ws.connect(sim.wsBaseUrl() + "/stream?streams=ethusdt@trade")) {
            assertThat(ask(ws, "{\"method\":\"GET_PROPERTY\",\"params\":[\"colour\"],\"id\":1}"))
                    .isEqualTo("{\"error\":{\"code\":0,\"msg\":\"Unknown property\"},\"id\":1}");
            assertThat(
                            ask(
                                    ws,
                                    "{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",\"yes\"],\"id\":2}"))
                    .isEqualTo(
                            "{\"error\":{\"code\":1,\"msg\":\"Invalid value type: expected Boolean\"},\"id\":2}");
            assertThat(ask(ws, "{\"method\":\"SET_PROPERTY\",\"params\":[1,true],\"id\":3}"))
                    .contains("\"code\":2", "property name must be a string");
            assertThat(ask(ws, "{\"method\":\"LIST\",\"id\":4}"))
                    .contains("\"code\":2", "unknown variant `LIST`");
            assertThat(ask(ws, "{\"params\":[],\"id\":5}"))
                    .contains("\"code\":2", "missing field `method`");
            assertThat(ask(ws, "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":[1]}"))
                    .contains("\"code\":2", "request ID must be an unsigned integer");
            assertThat(
                            ask(
                                    ws,
                                    "{\"method\":\"SUBSCRIBE\",\"params\":[\"BTCUSDT@aggTrade\"],\"id\":7}"))
                    .isEqualTo(
                            "{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":7}");
            assertThat(
                            ask(
                                    ws,
                                    "{\"method\":\"SUBSCRIBE\",\"params\":[\"dogeusdt@aggTrade\"],\"id\":8}"))
                    .contains("invalid stream");
            assertThat(ask(ws, "{method:SUBSCRIBE}"))
                    .startsWith("{\"error\":{\"code\":3,\"msg\":\"Invalid JSON:");
            assertThat(
                            ask(
                                    ws,
                                    "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@depth\",\"btcusdt@depth5\"],\"id\":9}"))
                    .contains("\"code\":2", "too many streams");
            assertThat(ask(ws, "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":10}"))
                    .isEqualTo("{\"result\":[\"ethusdt@trade\"],\"id\":10}");
        }
    }
}
