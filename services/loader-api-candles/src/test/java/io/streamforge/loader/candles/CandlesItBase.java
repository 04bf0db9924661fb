package io.streamforge.loader.candles;

import io.streamforge.domain.Symbol;
import io.streamforge.sim.SimConfig;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One Kafka broker and one simulator (BTCUSDT, ETHUSDT) per test class; faults cleared per test.
 */
abstract class CandlesItBase {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final Symbol ETH = Symbol.of("ETHUSDT");
    static final String KLINES = "/api/v3/klines";
    static SimAndKafka platform;

    @BeforeAll
    static void startServers() {
        platform = SimAndKafka.start(SimConfig.defaults().withSymbols(List.of(BTC, ETH)));
    }

    @AfterAll
    static void stopServers() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }

    @AfterEach
    void clearFaults() {
        platform.sim.faults().clear();
    }
}
