package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BinanceClientConfigTest {
    @Test
    void defaultsFollowTheExchangeLimits() {
        BinanceClientConfig c = BinanceClientConfig.defaults("https://api.binance.com/");
        assertThat(c.baseUrl()).isEqualTo("https://api.binance.com");
        assertThat(c.weightLimitPerMinute()).isEqualTo(6000);
        assertThat(c.safetyMargin()).isEqualTo(0.95);
        assertThat(c.effectiveWeightLimit()).isEqualTo(5700);
        assertThat(c.maxRetries()).isPositive();
        assertThat(c.useMicroseconds()).isFalse();
        assertThat(c.host()).isEqualTo("api.binance.com");
        assertThat(BinanceClientConfig.defaults("http://127.0.0.1:8089").host())
                .isEqualTo("127.0.0.1:8089");
    }

    @Test
    void badValuesAreRejectedWithTheFieldName() {
        assertThatThrownBy(() -> BinanceClientConfig.defaults(" ")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> BinanceClientConfig.defaults("ftp://x"))
                .hasMessageContaining("baseUrl")
                .hasMessageContaining("ftp://x");
        BinanceClientConfig d = BinanceClientConfig.defaults("https://x");
        assertThatThrownBy(() -> d.withWeightLimit(0, 0.9))
                .hasMessageContaining("weightLimitPerMinute");
        assertThatThrownBy(() -> d.withWeightLimit(6000, 1.5)).hasMessageContaining("safetyMargin");
        assertThatThrownBy(() -> d.withWeightLimit(6000, 0)).hasMessageContaining("safetyMargin");
        assertThatThrownBy(() -> d.withRetries(-1, 1, 2)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> d.withRetries(1, 10, 5)).hasMessageContaining("backoff");
        assertThatThrownBy(() -> d.withRequestTimeoutMs(0))
                .hasMessageContaining("requestTimeoutMs");
        assertThatThrownBy(() -> d.withMaxRateLimitWaitMs(-1))
                .hasMessageContaining("maxRateLimitWaitMs");
    }

    @Test
    void endpointWeightsMatchTheReference() {
        assertThat(Endpoint.KLINES.weight()).isEqualTo(2);
        assertThat(Endpoint.AGG_TRADES.weight()).isEqualTo(4);
        assertThat(Endpoint.EXCHANGE_INFO.weight()).isEqualTo(20);
        assertThat(Endpoint.HISTORICAL_TRADES.weight()).isEqualTo(25);
        assertThat(Endpoint.depthWeight(100)).isEqualTo(5);
        assertThat(Endpoint.depthWeight(101)).isEqualTo(25);
        assertThat(Endpoint.depthWeight(1000)).isEqualTo(50);
        assertThat(Endpoint.depthWeight(5000)).isEqualTo(250);
        assertThatThrownBy(() -> Endpoint.depthWeight(5001)).hasMessageContaining("5001");
    }
}
