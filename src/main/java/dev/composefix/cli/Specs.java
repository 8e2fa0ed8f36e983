package dev.composefix.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds the commands' picocli models by calling picocli's model API rather than letting picocli read
 * annotations: reading them costs a cold start real time (annotation proxies, reflective field access,
 * generic signatures), none of which class-data sharing can keep. The values parsed stay in the model's
 * own bindings; each command reads them back ({@link #value}, {@link #flag}, {@link #list}) before it runs.
 */
final class Specs {

    private Specs() {
    }

    /** A command named {@code name} running {@code command}, with -h/--help and -V/--version. */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name);
        spec.usageMessage().description(description);
        // What @Command(mixinStandardHelpOptions = true) adds, declared here instead of by picocli's
        // annotated AutoHelpMixin.
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class)
                .description("Print version information and exit.").build());
        spec.versionProvider(new Main.Version()); // `composefix lint -V` says what `composefix -V` says
        return spec;
    }

    /** An option taking one value of {@code type}, shown as {@code label}. */
    static OptionSpec.Builder option(String[] names, String label, Class<?> type, String description) {
        OptionSpec.Builder b = OptionSpec.builder(names).paramLabel(label).type(type).description(description);
        if (type == Path.class) {
            b.converters(PATH);
        }
        return b;
    }

    static OptionSpec.Builder option(String name, String label, Class<?> type, String description) {
        return option(new String[] {name}, label, type, description);
    }

    /** A repeatable option collecting strings. */
    static OptionSpec.Builder repeatable(String[] names, String label, String description) {
        return OptionSpec.builder(names).paramLabel(label).type(List.class).auxiliaryTypes(String.class)
                .description(description);
    }

    /** An option without a value: true when given. */
    static OptionSpec.Builder flag(String[] names, String description) {
        return OptionSpec.builder(names).type(boolean.class).description(description);
    }

    static OptionSpec.Builder flag(String name, String description) {
        return flag(new String[] {name}, description);
    }

    /** Positional parameters collected as strings. */
    static PositionalParamSpec.Builder positionals(String label, String arity, String description) {
        return PositionalParamSpec.builder().paramLabel(label).arity(arity).type(List.class)
                .auxiliaryTypes(String.class).description(description);
    }

    /** The value parsed for an option (its default, or null, when not given). */
    @SuppressWarnings("unchecked")
    static <T> T value(CommandSpec spec, String option) {
        return (T) spec.findOption(option).getValue();
    }

    /** Whether a flag was given (as {@code --flag} or {@code --flag=true}). */
    static boolean flag(CommandSpec spec, String option) {
        return Boolean.TRUE.equals(spec.findOption(option).getValue());
    }

    /** The values of a repeatable option or of positionals, in order (empty when none). */
    static List<String> list(Object value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (Object o : (List<?>) value) {
                out.add((String) o);
            }
        }
        return out;
    }

    static List<String> list(CommandSpec spec, String option) {
        return list(spec.findOption(option).getValue());
    }

    /**
     * Paths, as picocli's built-in converter makes them (by reflection on {@code Paths.get}) and with its
     * message when that fails.
     */
    static final CommandLine.ITypeConverter<Path> PATH = new PathConverter();

    private static final class PathConverter implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            try {
                return Path.of(value);
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException(
                        String.format("cannot convert '%s' to %s (%s)", value, Path.class, e));
            }
        }
    }
}
