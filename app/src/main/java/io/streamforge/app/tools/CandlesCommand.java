package io.streamforge.app.tools;

import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.Converters;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.app.cli.UsageError;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Decimals;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.indicators.GapPolicy;
import io.streamforge.indicators.TradeAggregator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamforge candles --trades <aggTrades> --interval 1m --output <csv> [--symbol X] [--fill
 * skip|flat]}: exact candles from aggTrades with libs/indicators' {@link TradeAggregator}, written
 * as the 12 Binance kline columns with a header, times in the input's unit.
 */
@Command(
        name = "candles",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Build exact candles from an aggTrades file.",
            "REST JSON or data.binance.vision CSV in; the 12 Binance kline columns with a",
            "header out, exact decimals, times in the input's unit."
        })
public final class CandlesCommand implements Callable<Integer> {
    static final String HEADER =
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                    + "taker_buy_volume,taker_buy_quote_volume,ignore\n";

    private static final Pattern FILE_SYMBOL =
            Pattern.compile("^([A-Za-z0-9]{2,20})[-_]aggTrades.*", Pattern.CASE_INSENSITIVE);

    private final CliContext ctx;

    @Option(
            names = "--trades",
            required = true,
            paramLabel = "FILE",
            description = "aggTrades: REST JSON array or vision CSV.")
    Path trades;

    @Option(
            names = "--interval",
            required = true,
            converter = Converters.IntervalCode.class,
            description = "Candle interval, e.g. 1m, 1h, 1d.")
    String interval;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE|-",
            description = "CSV to write (atomically); - = standard output.")
    String output;

    @Option(
            names = "--symbol",
            description = "Symbol of the trades (default: from the file name, else UNKNOWN).")
    String symbol;

    @Option(
            names = "--fill",
            defaultValue = "skip",
            paramLabel = "skip|flat",
            description =
                    "An interval without trades: skip = no candle (as dumps), flat = previous"
                            + " close (as REST) (default: ${DEFAULT-VALUE}).")
    String fill;

    CandlesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path input = ToolFiles.input("--trades", trades);
        Interval iv = Interval.of(interval);
        GapPolicy gaps = fill(fill);
        Symbol sym = symbol(symbol, input);
        Path out = ToolFiles.output("--output", output, true);
        return ToolFiles.run(() -> compute(input, iv, gaps, sym, out));
    }

    private int compute(Path input, Interval interval, GapPolicy fill, Symbol symbol, Path output) {
        PrintStream out = ctx.out();
        AtomicLong candles = new AtomicLong();
        AggTradeReader.Summary[] summary = new AggTradeReader.Summary[1];
        Outputs.write(
                output,
                out,
                w -> {
                    w.write(HEADER);
                    AggTradeReader[] reader = new AggTradeReader[1];
                    TradeAggregator agg =
                            new TradeAggregator(
                                    interval,
                                    fill,
                                    c -> {
                                        row(w, c, reader[0].unit());
                                        candles.incrementAndGet();
                                    });
                    reader[0] = new AggTradeReader(input, symbol, agg::accept);
                    summary[0] = reader[0].read();
                    agg.flush();
                });
        AggTradeReader.Summary s = summary[0];
        (output == null ? ctx.err() : out)
                .println(
                        "candles: "
                                + candles.get()
                                + " "
                                + interval.code()
                                + " candles of "
                                + symbol
                                + " from "
                                + s.trades()
                                + " aggTrades in "
                                + input
                                + " ("
                                + s.format()
                                + ", times in "
                                + s.unit().label()
                                + ", fill "
                                + fill.name().toLowerCase(Locale.ROOT)
                                + ")"
                                + (output == null ? "" : " -> " + output));
        return ExitCode.OK;
    }

    private static void row(Writer w, Candle c, EpochUnit unit) {
        long closeTime =
                unit == EpochUnit.MICROS
                        ? c.interval().nextOpenTime(c.openTimeUs()) - 1 // Binance µs dumps
                        : unit.fromMicros(c.closeTimeUs());
        String line =
                unit.fromMicros(c.openTimeUs())
                        + ","
                        + Decimals.format(c.open())
                        + ","
                        + Decimals.format(c.high())
                        + ","
                        + Decimals.format(c.low())
                        + ","
                        + Decimals.format(c.close())
                        + ","
                        + Decimals.format(c.volume())
                        + ","
                        + closeTime
                        + ","
                        + Decimals.format(c.quoteVolume())
                        + ","
                        + c.tradeCount()
                        + ","
                        + Decimals.format(c.takerBuyBaseVolume())
                        + ","
                        + Decimals.format(c.takerBuyQuoteVolume())
                        + ",0\n";
        try {
            w.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write candles: " + e.getMessage(), e);
        }
    }

    static GapPolicy fill(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "skip":
                return GapPolicy.SKIP;
            case "flat":
                return GapPolicy.FLAT;
            default:
                throw new UsageError("--fill: expected skip or flat, got '" + text + "'");
        }
    }

    /** --symbol, else the dump file name's prefix ({@code XRPETH-aggTrades-...}), else UNKNOWN. */
    static Symbol symbol(String text, Path input) {
        if (text != null) {
            try {
                return Symbol.of(text);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--symbol: " + e.getMessage());
            }
        }
        Matcher m = FILE_SYMBOL.matcher(input.getFileName().toString());
        return Symbol.of(m.matches() ? m.group(1) : "UNKNOWN");
    }
}
