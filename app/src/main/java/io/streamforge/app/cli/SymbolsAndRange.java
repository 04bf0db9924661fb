package io.streamforge.app.cli;

import io.streamforge.domain.Symbol;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --symbols} and {@code --range} with the demo's defaults (5 symbols × 30 days), as a
 * picocli {@code @Mixin} of {@code demo}, {@code bench ingest} and {@code bench up}.
 */
public final class SymbolsAndRange {
    @Option(
            names = "--symbols",
            split = ",",
            paramLabel = "SYMBOL",
            defaultValue = "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT,XRPUSDT",
            description = "Symbols, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Symbol> symbols;

    @Option(
            names = "--range",
            paramLabel = "FROM:TO",
            defaultValue = "2024-01-01:2024-01-30",
            converter = Converters.Days.class,
            description = "Days YYYY-MM-DD:YYYY-MM-DD, inclusive (default: ${DEFAULT-VALUE}).")
    String range;

    public List<Symbol> symbols() {
        return symbols;
    }

    public String range() {
        return range;
    }
}
