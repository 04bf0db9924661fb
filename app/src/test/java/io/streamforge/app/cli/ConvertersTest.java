package io.streamforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The CLI's option types: each value is checked while the command line is parsed, so a bad one is a
 * usage error with its reason in one line, before anything starts.
 */
class ConvertersTest {
    @Command(name = "t")
    static final class Options {
        @Option(names = "--symbol")
        Symbol symbol;

        @Option(names = "--range")
        TimeRange range;

        @Option(names = "--interval")
        Interval interval;

        @Option(names = "--at")
        Instant at;

        @Option(names = "--day")
        LocalDate day;
    }

    private static Options parse(String... args) {
        Options o = new Options();
        CommandLine cl = new CommandLine(o);
        Converters.register(cl);
        cl.parseArgs(args);
        return o;
    }

    private static String usageError(String... args) {
        Options o = new Options();
        CommandLine cl = new CommandLine(o);
        Converters.register(cl);
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
        throw new AssertionError("no usage error for " + String.join(" ", args));
    }

    @Test
    void goodValuesBecomeDomainTypes() {
        Options o =
                parse(
                        "--symbol", " btcusdt ",
                        "--range", "2024-01-01:2024-01-02",
                        "--interval", "4h",
                        "--at", "2024-01-15T00:00:00Z",
                        "--day", " 2024-02-29 ");
        assertThat(o.symbol).isEqualTo(Symbol.of("BTCUSDT"));
        assertThat(o.range).isEqualTo(TimeRange.parseDays("2024-01-01:2024-01-02"));
        assertThat(o.interval).isEqualTo(Interval.of("4h"));
        assertThat(o.at).isEqualTo(Instant.parse("2024-01-15T00:00:00Z"));
        assertThat(o.day).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void badValuesAreUsageErrorsNamingOptionAndReason() {
        assertThat(usageError("--symbol", "BTC-USDT")).contains("--symbol").contains("BTC-USDT");
        assertThat(usageError("--range", "2024-01-05:2024-01-01"))
                .contains("'2024-01-05:2024-01-01' is not a day range YYYY-MM-DD:YYYY-MM-DD")
                .contains("before start date");
        assertThat(usageError("--interval", "7m")).contains("--interval").contains("7m");
        assertThat(usageError("--at", "yesterday"))
                .contains("'yesterday' is not an instant like 2024-01-15T00:00:00Z");
        assertThat(usageError("--day", "2023-02-29"))
                .contains("'2023-02-29' is not a date YYYY-MM-DD");
    }

    @Test
    void theTextConvertersCheckButKeepTheText() {
        assertThat(new Converters.Days().convert("2024-01-01:2024-01-31"))
                .isEqualTo("2024-01-01:2024-01-31");
        assertThatThrownBy(() -> new Converters.Days().convert("2024-01-01"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("'2024-01-01' is not a day range");
        assertThat(new Converters.IntervalCode().convert(" 1M ")).isEqualTo("1M");
        assertThatThrownBy(() -> new Converters.IntervalCode().convert("2x"))
                .isInstanceOf(TypeConversionException.class);
        assertThat(new Converters.SymbolText().convert("ethusdt")).isEqualTo(Symbol.of("ETHUSDT"));
        assertThatThrownBy(() -> new Converters.SymbolText().convert(""))
                .isInstanceOf(TypeConversionException.class);
    }
}
