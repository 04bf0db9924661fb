package io.streamforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The pure parts of the peer benches: Connect JSON records, the hand-made COPY row, options. */
class PeerBenchPartsTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aggTradeInConnectJsonCarriesItsSchemaAndTheTableColumns() throws Exception {
        AggTrade a =
                new AggTrade(
                        BTC,
                        42,
                        new BigDecimal("42000.10"),
                        new BigDecimal("0.5"),
                        7,
                        9,
                        1_704_067_200_123_000L,
                        true,
                        false);
        JsonNode n = JSON.readTree(ConnectJsonRecords.encode(a));

        assertThat(n.at("/schema/type").asText()).isEqualTo("struct");
        assertThat(n.at("/schema/fields")).hasSize(11);
        assertThat(n.at("/schema/fields/2/type").asText()).isEqualTo("int64");
        assertThat(n.at("/payload/key").asText()).isEqualTo(a.key());
        assertThat(n.at("/payload/price").asText()).isEqualTo("42000.1");
        assertThat(n.at("/payload/time_us").asLong()).isEqualTo(1_704_067_200_123_000L);
        assertThat(n.at("/payload/invalidated").asBoolean()).isFalse();
        assertThat(ConnectJsonRecords.table(a)).isEqualTo("agg_trades");
    }

    @Test
    void candleInConnectJsonHasEveryCandleColumn() throws Exception {
        BigDecimal one = BigDecimal.ONE;
        Candle c =
                new Candle(
                        BTC,
                        Interval.M1,
                        0,
                        59_999_000L,
                        one,
                        one,
                        one,
                        one,
                        one,
                        one,
                        3,
                        one,
                        one);
        JsonNode n = JSON.readTree(ConnectJsonRecords.encode(c));

        assertThat(n.at("/schema/fields")).hasSize(14);
        for (String col : SinkTables.CANDLE_COLUMNS.split(",")) {
            assertThat(n.at("/payload").has(col)).as(col).isTrue();
        }
        assertThat(n.at("/payload/interval").asText()).isEqualTo("1m");
    }

    @Test
    void directCopyRowAddsKeySymbolMicrosAndTheInvalidatedFlag() {
        StringBuilder b = new StringBuilder();
        DirectCopy.row(b, BTC, "42,42000.10000000,0.50000000,7,9,1704067200123,True,True");
        DirectCopy.row(b, BTC, "43,0.00000000,0.00000000,-1,-1,1704067200124,False,True");

        assertThat(b.toString())
                .isEqualTo(
                        "BINANCE:SPOT:BTCUSDT:a:42,BTCUSDT,42,42000.10000000,0.50000000,7,9,"
                                + "1704067200123000,True,True,false\n"
                                + "BINANCE:SPOT:BTCUSDT:a:43,BTCUSDT,43,0.00000000,0.00000000,-1,-1,"
                                + "1704067200124000,False,True,true\n");
        assertThatThrownBy(() -> DirectCopy.row(b, BTC, "1,2,3"))
                .hasMessageContaining("expected 8 aggTrades columns");
    }

    @Test
    void optionsHaveTheIssueDefaultsAndNameBadValues() {
        var s = SinkBench.Options.parse(new String[0]);
        assertThat(s.symbols()).hasSize(5);
        assertThat(s.batch()).isEqualTo(5_000);
        var b = BackfillBench.Options.parse(new String[] {"--agg-trades-per-day", "1000"});
        assertThat(b.aggTradesPerDay()).isEqualTo(1_000);
        assertThat(b.dataDir()).isEqualTo(Path.of(".streamforge/bench"));
        assertThat(b.symbols().size() * 5 * 500_000L).isGreaterThanOrEqualTo(10_000_000L);
        assertThatThrownBy(() -> SinkBench.Options.parse(new String[] {"--batch", "0"}))
                .hasMessageContaining("--batch");
        assertThatThrownBy(() -> BackfillBench.Options.parse(new String[] {"--size", "1"}))
                .hasMessageContaining("--size");
    }

    @Test
    void aMissingPeerClasspathSaysHowToBuildIt() {
        assertThatThrownBy(() -> PeerProcess.libDir("no-such-peer", null))
                .hasMessageContaining("./mvnw -q -pl bench-peers/no-such-peer package");
    }

    @Test
    void procFieldsAreReadInKilobytes(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        java.nio.file.Files.writeString(status, "Name:\tjava\nVmRSS:\t  123456 kB\nThreads:\t9\n");
        assertThat(ProcessMemory.kb(status, "VmRSS:")).isEqualTo(123_456L * 1024);
        assertThat(ProcessMemory.kb(status, "Pss:")).isZero();
        assertThat(ProcessMemory.kb(dir.resolve("gone"), "VmRSS:")).isZero();
    }

    @Test
    void theOfficialClientsResultLineIsParsedAndItsAbsenceNamed() {
        assertThat(ClientBench.result("noise\nRESULT messages=42 seconds=1.5\n"))
                .containsEntry("messages", "42")
                .containsEntry("seconds", "1.5");
        assertThatThrownBy(() -> ClientBench.result("Exception in thread main"))
                .hasMessageContaining("official client gave no result: Exception");
    }

    @Test
    void upAndClientOptionsNameBadValues() {
        assertThat(UpBench.Options.parse(new String[0]).analytics()).isTrue();
        assertThat(UpBench.Options.parse(new String[] {"--analytics", "false"}).analytics())
                .isFalse();
        assertThatThrownBy(() -> UpBench.Options.parse(new String[] {"--analytics", "no"}))
                .hasMessageContaining("--analytics: true or false");
        assertThat(ClientBench.Options.parse(new String[0]).weightLimit()).isEqualTo(240);
        assertThatThrownBy(() -> ClientBench.Options.parse(new String[] {"--seconds", "x"}))
                .hasMessageContaining("--seconds");
    }

    @Test
    void theBinaryPrototypeRoundTripsCandlesAndAggTradesExactly() {
        BigDecimal big = new BigDecimal("123456789012345678901234.5"); // does not fit a long
        Candle c =
                new Candle(
                        BTC,
                        Interval.H1,
                        0,
                        3_599_999_000L,
                        BigDecimal.ONE,
                        big,
                        new BigDecimal("0.00000001"),
                        BigDecimal.TEN,
                        BigDecimal.ZERO,
                        BigDecimal.ONE,
                        7,
                        BigDecimal.ONE,
                        BigDecimal.ONE);
        AggTrade a = new AggTrade(BTC, 1, BigDecimal.ZERO, BigDecimal.ZERO, -1, -1, 5, false, true);

        assertThat(BinaryCodecPrototype.decode(BinaryCodecPrototype.encode(c))).isEqualTo(c);
        assertThat(BinaryCodecPrototype.decode(BinaryCodecPrototype.encode(a))).isEqualTo(a);
        assertThatThrownBy(() -> BinaryCodecPrototype.decode(new byte[] {9, 0, 2, 'B', 'T'}))
                .hasMessageContaining("unknown kind byte 9");
    }
}
