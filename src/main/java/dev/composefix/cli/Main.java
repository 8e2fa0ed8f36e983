package dev.composefix.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import dev.composefix.engine.RuleCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code composefix} command: subcommands, version, exit codes. */
public final class Main implements Runnable {

    private CommandLine commandLine;

    private Main() {
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(commandLine, "missing command: try 'composefix lint'");
    }

    public static void main(String[] args) {
        if (args.length > 0 && LINTING.contains(args[0])) {
            // A lint needs the rule catalog, the service kinds and the compiled Compose schema, each built
            // once per process from resources and independent of the arguments: a second core builds them
            // while this thread sets up the command line and reads the file. Whoever comes first builds
            // each (they are built under a lock); a failure here is met again, and reported, by the run.
            Thread prepare = new Thread(new Prepare(), "composefix-prepare");
            prepare.setDaemon(true);
            prepare.start();
        }
        int code = run(Io.system(), args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the CLI in-process and returns the exit code. */
    public static int run(Io io, String... args) {
        return run(io, null, args);
    }

    /** Runs the CLI with a given rule catalog (null: the real one), for tests of failure paths. */
    static int run(Io io, RuleCatalog catalog, String... args) {
        return run(io, catalog, args, true);
    }

    /**
     * Runs the CLI; with {@code hold}, a long run of trailing file arguments of {@code lint} or {@code rewrite}
     * goes to the command without picocli reading each ({@link HeldArguments}).
     */
    static int run(Io io, RuleCatalog catalog, String[] args, boolean hold) {
        CommandBase plain = hold ? PlainLine.command(io, catalog, args) : null;
        if (plain != null) {
            return PlainLine.execute(plain, io);
        }
        Line line = line(io, catalog, args);
        if (hold) {
            int from = line.holdFrom(args);
            if (from < args.length) {
                line.hold(args, from);
                int code = line.cmd().execute(java.util.Arrays.copyOf(args, from));
                if (!line.failures().unparsed) {
                    return code;
                }
                // The shortened line did not parse: the whole line, for picocli's own message about it.
                return run(io, catalog, args, false);
            }
        }
        return line.cmd().execute(args);
    }

    /**
     * The command line made for {@code args}: picocli's, its model ({@code top}), the command {@code args}
     * name first when it can take held arguments ({@link #HOLDING}; else null) and what prints its failures.
     */
    record Line(CommandLine cmd, CommandSpec top, CommandBase command, Failures failures) {

        /** The index from which {@code args} can be held back from picocli ({@code args.length}: none). */
        int holdFrom(String[] args) {
            return command == null ? args.length : HeldArguments.from(args, top, command.spec);
        }

        /** Holds back {@code args} from {@code from} on, for the command to take after picocli parsed the rest. */
        HeldArguments hold(String[] args, int from) {
            HeldArguments held = new HeldArguments(java.util.Arrays.asList(args).subList(from, args.length));
            command.held = held;
            failures.held = held;
            return held;
        }
    }

    static Line line(Io io, RuleCatalog catalog, String[] args) {
        // picocli registers, for every command, converters for types composefix's options do not use, by
        // reflection (java.sql, java.time: loading and initializing those classes costs a cold start more
        // than parsing does); the options' own types need none of them (paths have Specs.PATH).
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, ".*");
        }
        Main main = new Main();
        CommandSpec spec = Specs.command(main, "composefix",
                "Lints Docker Compose files and rewrites them into safer, resource-bounded versions.");
        spec.versionProvider(new Version());
        spec.usageMessage().synopsisSubcommandLabel("COMMAND");
        CommandLine cmd = new CommandLine(spec);
        main.commandLine = cmd;
        // Each command's model costs a cold start time to build: when the first argument names a command,
        // only that command is built (its parsing, help and errors do not depend on the others); otherwise
        // all of them, for the overview.
        String named = args.length > 0 && COMMANDS.contains(args[0]) ? args[0] : null;
        CommandBase command = null;
        for (String name : COMMANDS) {
            if (name.equals(named) && HOLDING.contains(name)) {
                command = name.equals("lint") ? new LintCommand(io, catalog) : new RewriteCommand(io, catalog);
                cmd.addSubcommand(name, new CommandLine(command.spec()));
            } else if (named == null || named.equals(name)) {
                cmd.addSubcommand(name, new CommandLine(command(name, io, catalog)));
            }
        }
        cmd.setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8));
        Failures failures = new Failures(io);
        cmd.setParameterExceptionHandler(failures);
        cmd.setExecutionExceptionHandler(failures);
        String help = ExitCode.TABLE.replace("%n", System.lineSeparator()); // as String.format, without its parser
        cmd.getCommandSpec().usageMessage().footer("", help);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().footer("", help);
        }
        return new Line(cmd, spec, command, failures);
    }

    /** The commands whose positional parameters take held arguments ({@link CommandBase#positionals}). */
    private static final java.util.Set<String> HOLDING = java.util.Set.of("lint", "rewrite");

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /**
     * What a mistake on the command line (exit 2) and a bug (exit 3) print. A class rather than two
     * lambdas, which a start would have to link.
     */
    static final class Failures
            implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

        private final Io io;
        /** Arguments held back from picocli, while the command has not taken them (null: none). */
        HeldArguments held;
        /** Whether the shortened line failed to parse (nothing was printed). */
        boolean unparsed;

        Failures(Io io) {
            this.io = io;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            if (held != null && !held.taken()) {
                unparsed = true;
                return ExitCode.USAGE;
            }
            io.err().println("composefix: " + ex.getMessage());
            io.err().println("Try 'composefix --help' for usage.");
            return ExitCode.USAGE;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine,
                CommandLine.ParseResult parsed) {
            return internalError(io, ex, LintCommand.debug(parsed));
        }

        /** What a bug that reached the command line prints (its stack trace with --debug): exit code 3. */
        static int internalError(Io io, Exception ex, boolean debug) {
            io.err().println("composefix: internal error: " + ex);
            io.err().println("This is a bug in composefix; please report it together with the input.");
            if (debug) {
                ex.printStackTrace(io.err());
            }
            return ExitCode.INTERNAL;
        }
    }

    /** The commands that lint (with the rule catalog, the kinds and the schema). */
    private static final java.util.Set<String> LINTING = java.util.Set.of("lint", "rewrite", "plan");

    /**
     * Builds what every lint uses, ahead of the run that will use it: the rule catalog, the built-in service
     * kinds and the compiled Compose schema, each built once per process (by whichever thread asks first,
     * under a lock). This thread takes them in the order a lint needs them; the lint's own thread, once it
     * has read its first file, takes the ones this thread has not begun, last first ({@link #help}), so the
     * two build in parallel instead of one waiting for the other. A class rather than a method reference,
     * which a start would have to make (the training run archives this class).
     */
    static final class Prepare implements Runnable {

        private static final int STEPS = 3;
        /**
         * Which steps a thread has begun (1): an atomic integer each, which works on Unsafe, rather than an
         * atomic array or flag, whose variable handles linked a dozen classes of java.lang.invoke at every start.
         */
        private static final java.util.concurrent.atomic.AtomicInteger[] BEGUN = {
            new java.util.concurrent.atomic.AtomicInteger(), new java.util.concurrent.atomic.AtomicInteger(),
            new java.util.concurrent.atomic.AtomicInteger()};

        @Override
        public void run() {
            try {
                for (int i = 0; i < STEPS; i++) {
                    step(i);
                }
            } catch (RuntimeException | Error e) {
                // the run builds it again and says what went wrong
            }
        }

        /**
         * Builds the steps no thread has begun, the last first: called by a lint when it needs them, so it
         * works while the other thread finishes the step it is on. A failure here is met again, and reported,
         * where the run uses what failed.
         */
        static void help() {
            try {
                for (int i = STEPS - 1; i >= 0; i--) {
                    step(i);
                }
            } catch (RuntimeException | Error e) {
                // as in run()
            }
        }

        private static void step(int i) {
            if (!BEGUN[i].compareAndSet(0, 1)) {
                return;
            }
            switch (i) {
                case 0 -> dev.composefix.rules.Rules.catalog();
                case 1 -> dev.composefix.kinds.KindTable.builtIn();
                default -> dev.composefix.schema.SchemaCheck.resource(dev.composefix.rules.SchemaViolation.SCHEMA);
            }
        }
    }

    /** The commands, in the order the overview lists them. */
    static final java.util.List<String> COMMANDS = java.util.List.of("lint", "rewrite", "plan", "rules", "explain");

    /** The model of a command, declared by the command. */
    static CommandSpec command(String name, Io io, RuleCatalog catalog) {
        return switch (name) {
            case "lint" -> new LintCommand(io, catalog).spec();
            case "rewrite" -> new RewriteCommand(io, catalog).spec();
            case "plan" -> new PlanCommand(io, catalog).spec();
            case "rules" -> new RulesCommand(io, catalog).spec();
            case "explain" -> new ExplainCommand(io, catalog).spec();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The version from the jar's build. */
    static String version() {
        try (InputStream in = dev.composefix.engine.Resources.open("/dev/composefix/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"composefix " + version()};
        }
    }
}
