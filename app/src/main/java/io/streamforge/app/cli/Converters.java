package io.streamforge.app.cli;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value types of the CLI. Each checks its text while the command line is parsed, so a bad
 * value is a usage error (exit 2) before anything starts, with the reason in one line.
 */
public final class Converters {
    private Converters() {}

    /** Registers the converters for domain types on {@code cl} and all its subcommands. */
    static void register(CommandLine cl) {
        cl.registerConverter(Symbol.class, new SymbolText());
        cl.registerConverter(
                TimeRange.class, text -> TimeRange.parseDays(new Days().convert(text)));
        cl.registerConverter(Interval.class, text -> Interval.of(new IntervalCode().convert(text)));
        cl.registerConverter(
                Instant.class,
                text -> parse(text, Instant::parse, "an instant like 2024-01-15T00:00:00Z"));
        cl.registerConverter(
                LocalDate.class, text -> parse(text, LocalDate::parse, "a date YYYY-MM-DD"));
    }

    private static <T> T parse(String text, Function<String, T> parser, String expected) {
        try {
            return parser.apply(text.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not " + expected);
        }
    }

    /** A Binance symbol such as {@code BTCUSDT} (case-insensitive). */
    public static final class SymbolText implements ITypeConverter<Symbol> {
        @Override
        public Symbol convert(String text) {
            try {
                return Symbol.of(text.strip());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(reason(e));
            }
        }
    }

    /** Whole days {@code YYYY-MM-DD:YYYY-MM-DD} (inclusive), checked and kept as text. */
    public static final class Days implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            try {
                TimeRange.parseDays(text);
                return text;
            } catch (RuntimeException e) {
                throw new TypeConversionException(
                        "'"
                                + text
                                + "' is not a day range YYYY-MM-DD:YYYY-MM-DD ("
                                + reason(e)
                                + ")");
            }
        }
    }

    /**
     * A kline interval code such as {@code 1m}, {@code 1h}, {@code 1M}, checked and kept as text.
     */
    public static final class IntervalCode implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            try {
                return Interval.of(text.strip()).code();
            } catch (RuntimeException e) {
                throw new TypeConversionException(reason(e));
            }
        }
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
