package dev.composefix.cli;

import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.ParserSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The trailing arguments of a command line that are held back from picocli and appended to the command's
 * positional parameters after it parsed the rest: {@code composefix lint FILE1 ... FILE3000} has picocli
 * read its arguments one at a time, at a cost per argument (for each, two number parsers that fail
 * with an exception, conversions and checks) that a long list of files pays in full before the first
 * file is read.
 *
 * <p>Only arguments picocli itself would take as positional parameters are held, and only the end of the
 * line made of them: each is <em>plain</em> (neither empty nor starting with {@code -} or {@code @}), every
 * option name of the command starts with {@code -} (so a plain argument is never an option, {@code --}, a
 * clustered option or {@code option=value}) and no option takes more than one value (so only the first plain
 * argument can be an option's value: it is always left to picocli). After that first one, picocli reads
 * each plain argument as the next value of the one positional parameter, a list of strings with no upper
 * bound, without conversion, splitting or preprocessing; {@link #from} checks that the command's model is
 * of that kind, and holds nothing otherwise. When the shortened line does not parse, the caller parses the
 * whole line again, so that picocli's own message for it is printed.
 */
final class HeldArguments {

    private final List<String> values;
    private boolean taken;

    HeldArguments(List<String> values) {
        this.values = values;
    }

    /** {@code parsed}, the positional parameters picocli read, with the held arguments added. */
    List<String> appendTo(List<String> parsed) {
        taken = true;
        parsed.addAll(values);
        return parsed;
    }

    /** Whether the command took the held arguments: picocli parsed the rest of the line without error. */
    boolean taken() {
        return taken;
    }

    /**
     * The index from which the arguments {@code args} (whose first is the name of {@code command}, a
     * subcommand of {@code top}) can be held back; {@code args.length} when none can.
     */
    static int from(String[] args, CommandSpec top, CommandSpec command) {
        int first = args.length;
        while (first > 1 && plain(args[first - 1])) {
            first--;
        }
        // the first plain argument may be an option's value: picocli sees it
        int from = first + 1;
        if (from >= args.length || !holdable(top, command)) {
            return args.length;
        }
        return from;
    }

    /** An argument picocli can only take as a positional parameter, for a model that {@link #holdable} accepts. */
    static boolean plain(String arg) {
        return !arg.isEmpty() && arg.charAt(0) != '-' && arg.charAt(0) != '@';
    }

    /** Whether picocli reads plain arguments after the first of a trailing run as described above. */
    static boolean holdable(CommandSpec top, CommandSpec command) {
        if (System.getProperty("picocli.trace") != null) {
            return false; // its trace would name each argument
        }
        if (top.subcommandsRepeatable() || !command.subcommands().isEmpty() || !command.argGroups().isEmpty()
                || !noOp(command.preprocessor().getClass()) || !noOp(top.preprocessor().getClass())
                || !parser(command.parser())) {
            return false;
        }
        for (OptionSpec o : command.options()) {
            for (String name : o.names()) {
                if (!name.startsWith("-")) {
                    return false;
                }
            }
            if (o.arity().max() > 1 || !simple(o)) {
                return false;
            }
        }
        for (String name : command.negatedOptionsMap().keySet()) {
            if (!name.startsWith("-")) {
                return false;
            }
        }
        if (command.positionalParameters().size() != 1) {
            return false;
        }
        PositionalParamSpec p = command.positionalParameters().get(0);
        return p.index().min() == 0 && p.index().max() == Integer.MAX_VALUE && p.arity().min() == 0
                && p.arity().max() == Integer.MAX_VALUE && p.type() == List.class
                && p.auxiliaryTypes().length == 1 && p.auxiliaryTypes()[0] == String.class
                && (p.converters() == null || p.converters().length == 0)
                && (p.splitRegex() == null || p.splitRegex().isEmpty()) && simple(p);
    }

    private static boolean parser(ParserSpec parser) {
        return !parser.trimQuotes() && !parser.abbreviatedOptionsAllowed() && !parser.abbreviatedSubcommandsAllowed()
                && parser.endOfOptionsDelimiter().startsWith("-");
    }

    private static boolean simple(ArgSpec a) {
        return !a.interactive() && a.parameterConsumer() == null && a.group() == null
                && noOp(a.preprocessor().getClass());
    }

    /** picocli's preprocessor that does nothing (a private class): the one a spec made without one has. */
    private static boolean noOp(Class<?> preprocessor) {
        return preprocessor.getName().equals("picocli.CommandLine$NoOpParameterPreprocessor");
    }
}
