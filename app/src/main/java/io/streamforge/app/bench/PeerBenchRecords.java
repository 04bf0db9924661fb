package io.streamforge.app.bench;

import io.streamforge.app.cli.Converters;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The records {@code bench sink}, {@code efficiency} and {@code codec} measure: {@code --symbols}
 * and {@code --days} with the same defaults (5 symbols × 30 days = 648,000 candles 1m + aggTrades),
 * as a picocli {@code @Mixin}.
 */
final class PeerBenchRecords {
    @Option(
            names = "--symbols",
            split = ",",
            paramLabel = "SYMBOL",
            defaultValue = "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT,XRPUSDT",
            description = "Symbols (default: ${DEFAULT-VALUE}).")
    List<Symbol> symbols;

    @Option(
            names = "--days",
            paramLabel = "FROM:TO",
            defaultValue = "2024-01-01:2024-01-30",
            converter = Converters.Days.class,
            description = "Days measured, inclusive (default: ${DEFAULT-VALUE}).")
    String days;

    TimeRange range() {
        return TimeRange.parseDays(days);
    }
}
