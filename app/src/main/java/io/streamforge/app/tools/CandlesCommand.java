package io.streamforge.app.tools;

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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code streamforge candles --trades <aggTrades> --interval 1m --output <csv> [--symbol X] [--fill
 * skip|flat]}: exact candles from aggTrades with libs/indicators' {@link TradeAggregator}, written
 * as the 12 Binance kline columns with a header, times in the input's unit.
 */
final class CandlesCommand {
    static final String USAGE =
            """
              candles --trades FILE --interval 1m --output FILE|- [--symbol X] [--fill skip|flat]
                     candles from aggTrades (REST JSON or data.binance.vision CSV), exact decimals;
                     skip: no candle for a minute without trades (dumps), flat: previous close (REST)
            """;

    static final String HEADER =
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                    + "taker_buy_volume,taker_buy_quote_volume,ignore\n";

    private static final List<String> OPTIONS =
            List.of("--trades", "--interval", "--output", "--symbol", "--fill");
    private static final Pattern FILE_SYMBOL =
            Pattern.compile("^([A-Za-z0-9]{2,20})[-_]aggTrades.*", Pattern.CASE_INSENSITIVE);

    private CandlesCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        ToolArgs a = ToolArgs.parse("candles", args, OPTIONS);
        Path input = a.inputFile("--trades");
        Interval interval = interval(a.required("--interval"));
        GapPolicy fill = fill(a.value("--fill", "skip"));
        Symbol symbol = symbol(a.value("--symbol", null), input);
        Path output = a.outputFile("--output", true);
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
        (output == null ? err : out)
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
        return 0;
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

    static Interval interval(String code) {
        try {
            return Interval.of(code.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException("candles: --interval: " + e.getMessage());
        }
    }

    static GapPolicy fill(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "skip":
                return GapPolicy.SKIP;
            case "flat":
                return GapPolicy.FLAT;
            default:
                throw new UsageException(
                        "candles: --fill: expected skip or flat, got '" + text + "'");
        }
    }

    /** --symbol, else the dump file name's prefix ({@code XRPETH-aggTrades-...}), else UNKNOWN. */
    static Symbol symbol(String text, Path input) {
        if (text != null) {
            try {
                return Symbol.of(text);
            } catch (IllegalArgumentException e) {
                throw new UsageException("candles: --symbol: " + e.getMessage());
            }
        }
        Matcher m = FILE_SYMBOL.matcher(input.getFileName().toString());
        return Symbol.of(m.matches() ? m.group(1) : "UNKNOWN");
    }
}
