package io.streamforge.loader.trades;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.DataMessage;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One Kafka broker and one simulator (BTCUSDT, SOLUSDT) per test class; faults cleared per test.
 */
abstract class TradesItBase {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final Symbol SOL = Symbol.of("SOLUSDT");
    static EmbeddedKafkaBroker kafka;
    static ExchangeSimulator sim;

    @BeforeAll
    static void startServers() {
        kafka = TradesHarness.kafka();
        sim = ExchangeSimulator.start(SimConfig.defaults().withSymbols(List.of(BTC, SOL)));
    }

    @AfterAll
    static void stopServers() {
        if (sim != null) {
            sim.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    static List<AggTrade> model(Symbol s, String days) {
        TimeRange r = TimeRange.parseDays(days);
        return sim.model().aggTrades(s, r.startUs(), r.endUs());
    }

    static List<AggTrade> trades(List<TradesHarness.Message> out, Symbol s) {
        List<AggTrade> got = new ArrayList<>();
        for (var m : out) {
            if (m.body() instanceof DataMessage.Data d
                    && d.record() instanceof AggTrade a
                    && a.symbol().equals(s)) {
                got.add(a);
            }
        }
        return got;
    }
}
