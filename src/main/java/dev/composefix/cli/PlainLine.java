package dev.composefix.cli;

import dev.composefix.engine.RuleCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The command lines a pre-commit hook gives, {@code composefix lint FILE...} or {@code composefix rewrite
 * --in-place FILE...}, read without picocli: building picocli's model of a command and parsing with it took
 * a third of a one-file run's own time (about 30 of 110 ms after the JVM started), and such a line has
 * only one reading.
 *
 * <p>A line is <em>plain</em> when it names {@code lint} or {@code rewrite} and every other argument is
 * either {@link HeldArguments#plain plain} (a positional parameter: neither empty nor starting with
 * {@code -} or {@code @}) or, once, one of the command's boolean flags that {@link CommandBase#plainFlag}
 * takes, or one of the options with a value that {@link CommandBase#plainOption} takes with that value
 * ({@code --fail-on error} or {@code --fail-on=error}). Anything else (other options with a value,
 * {@code --}, an {@code @file}, an option given twice, help) goes to picocli, which also says what is wrong
 * with a line. {@code PlainLineTest} holds the two readings to the same values, field by field, on generated
 * lines.
 */
final class PlainLine {

    private PlainLine() {
    }

    /** The command {@code args} make, its values set, or null when the line is not plain. */
    static CommandBase command(Io io, RuleCatalog catalog, String[] args) {
        if (args.length == 0) {
            return null;
        }
        CommandBase command = switch (args[0]) {
            case "lint" -> new LintCommand(io, catalog);
            case "rewrite" -> new RewriteCommand(io, catalog);
            default -> null;
        };
        if (command == null) {
            return null;
        }
        List<String> positionals = new ArrayList<>(args.length - 1);
        Set<String> flags = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (HeldArguments.plain(arg)) {
                positionals.add(arg);
            } else {
                String flag = command.plainFlag(arg);
                if (flag == null) {
                    int eq = arg.indexOf('=');
                    if (arg.startsWith("--") && eq > 2) {
                        flag = command.plainOption(arg.substring(0, eq), arg.substring(eq + 1));
                    } else if (i + 1 < args.length) {
                        flag = command.plainOption(arg, args[i + 1]);
                        if (flag != null) {
                            i++; // its value
                        }
                    }
                }
                if (flag == null || !flags.add(flag)) {
                    return null; // not an option this reading knows, or one given twice (picocli refuses that)
                }
            }
        }
        command.plainPositionals(positionals);
        return command;
    }

    /** Runs a command read here as picocli would run it: its exit code, and a bug reported as one. */
    static int execute(CommandBase command, Io io) {
        try {
            return command.call();
        } catch (Exception e) {
            return Main.Failures.internalError(io, e, command.options.debug);
        }
    }
}
