package io.streamforge.app.tools;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Command-line tools on the user's own files: {@code indicators}, {@code candles}, {@code
 * correlation}. One entry for {@code Cli}; see docs/cli-tools.md and ADR 1001.
 *
 * <p>Exit codes: 0 done; 2 bad command line or bad input (the message names the option, file and
 * line; no output file is created or changed); 1 an I/O failure while writing.
 */
public final class Tools {
    /** The commands {@link #run} handles. */
    public static final List<String> COMMANDS = List.of("indicators", "candles", "correlation");

    /** Usage lines of all tools, in the layout of {@code Cli}'s usage text. */
    public static final String USAGE =
            IndicatorsCommand.USAGE + CandlesCommand.USAGE + CorrelationCommand.USAGE;

    private Tools() {}

    /**
     * Runs one tool.
     *
     * @param command one of {@link #COMMANDS}
     * @param args the arguments after the command name
     * @param out summary line (and the CSV when {@code --output -})
     * @param err error messages
     * @return the exit code
     */
    public static int run(String command, String[] args, PrintStream out, PrintStream err) {
        String usage = usage(command);
        if (usage == null) {
            err.print("streamforge: unknown tool '" + command + "'; tools:\n" + USAGE);
            return 2;
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print("usage: streamforge\n" + usage);
            return 0;
        }
        try {
            switch (command) {
                case "indicators":
                    return IndicatorsCommand.run(args, out, err);
                case "candles":
                    return CandlesCommand.run(args, out, err);
                default:
                    return CorrelationCommand.run(args, out, err);
            }
        } catch (UsageException e) {
            err.print("streamforge " + e.getMessage() + "\nusage: streamforge\n" + usage);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("streamforge " + command + ": " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("streamforge " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private static String usage(String command) {
        switch (command == null ? "" : command) {
            case "indicators":
                return IndicatorsCommand.USAGE;
            case "candles":
                return CandlesCommand.USAGE;
            case "correlation":
                return CorrelationCommand.USAGE;
            default:
                return null;
        }
    }
}
