package io.streamforge.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SUBSCRIBE control message the feed sends ({@link WsMessages#subscribe}). */
class WsSubscribeMessageTest {
    @Test
    void subscribeNamesEveryStreamInOrderWithTheRequestId() throws Exception {
        String msg = WsMessages.subscribe(List.of("btcusdt@aggTrade", "ethusdt@kline_1m"), 42);
        assertThat(msg)
                .isEqualTo(
                        "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\","
                                + "\"ethusdt@kline_1m\"],\"id\":42}");
        JsonNode json = new ObjectMapper().readTree(msg);
        assertThat(json.get("params")).hasSize(2);
        assertThat(json.get("id").asLong()).isEqualTo(42);
    }

    @Test
    void oneStreamHasNoSeparator() {
        assertThat(WsMessages.subscribe(List.of("btcusdt@depth@100ms"), 1))
                .isEqualTo(
                        "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@depth@100ms\"],\"id\":1}");
    }

    @Test
    void theServersAnswerIsParsedAsTheReplyToThatId() {
        WsMessages.Parsed ok = WsMessages.parse("{\"result\":null,\"id\":42}");
        assertThat(ok.event()).isEqualTo(new WsMessages.ControlReply(42, 0, null));
        WsMessages.Parsed refused =
                WsMessages.parse("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":43}");
        WsMessages.ControlReply r = (WsMessages.ControlReply) refused.event();
        assertThat(r.ok()).isFalse();
        assertThat(r.id()).isEqualTo(43);
        assertThat(r.errorCode()).isEqualTo(2);
        assertThat(r.errorMsg()).isEqualTo("Invalid request");
    }
}
