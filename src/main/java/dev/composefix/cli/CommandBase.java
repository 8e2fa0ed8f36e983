package dev.composefix.cli;

import dev.composefix.config.Config;
import dev.composefix.config.ConfigException;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Variables;
import dev.composefix.engine.Linter;
import dev.composefix.project.ProjectException;
import dev.composefix.rewrite.Reloader;
import dev.composefix.rewrite.RewriteFailure;
import dev.composefix.rewrite.RewriteResult;
import dev.composefix.rewrite.Rewriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command shares: its surroundings, the rule catalog, the options that select rules and
 * read config and variables, and the turning of user mistakes into exit code 2 with a clear message.
 */
abstract class CommandBase implements Callable<Integer> {

    protected final Io io;
    protected final RuleCatalog catalog;

    RunOptions options = new RunOptions();

    /** The command's picocli model, which holds the values parsed ({@link #spec()} makes it). */
    CommandSpec spec;

    CommandBase(Io io, RuleCatalog catalog) {
        this.io = io;
        this.catalog = catalog;
    }

    /** Trailing arguments held back from picocli for the positional parameters (null: none). */
    HeldArguments held;

    /** The command's picocli model, with the shared options; the values parsed go to this command. */
    final CommandSpec spec() {
        spec = declare();
        RunOptions.declare(spec);
        return spec;
    }

    /** The command's model without the shared options ({@link Specs#command}). */
    abstract CommandSpec declare();

    /** Takes the values parsed for the command's own options and parameters. */
    abstract void read(CommandSpec parsed);

    /**
     * For a {@link PlainLine}: sets the boolean flag {@code arg} names, when it is one the command (or the
     * shared options) takes there, and returns its name (one name for all of an option's aliases); else null.
     */
    String plainFlag(String arg) {
        return options.plainFlag(arg);
    }

    /**
     * For a {@link PlainLine}: sets the option {@code name} takes with {@code value}, when it is one the command
     * takes there with that value, and returns its name; else null (none does unless a command says so).
     */
    String plainOption(String name, String value) {
        return null;
    }

    /** For a {@link PlainLine} (which makes only {@code lint} and {@code rewrite}): takes the positional parameters. */
    void plainPositionals(List<String> values) {
        throw new UnsupportedOperationException("no plain line for this command");
    }

    /** The values of the command's one positional parameter (a list), with any {@link #held} arguments after them. */
    final List<String> positionals(CommandSpec parsed) {
        List<String> values = Specs.list(parsed.positionalParameters().get(0).getValue());
        return held == null ? values : held.appendTo(values);
    }

    @Override
    public final Integer call() throws IOException {
        if (spec != null) {
            options.read(spec);
            read(spec);
        }
        try {
            return execute();
        } catch (UsageException e) {
            io.err().println("composefix: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (ConfigException e) {
            for (ConfigException.Problem p : e.problems()) {
                io.err().println(p);
            }
            return ExitCode.USAGE;
        } catch (ParseFailure e) {
            io.err().println(e.getMessage());
            return ExitCode.USAGE;
        }
    }

    abstract int execute() throws UsageException, ConfigException, ParseFailure, IOException;

    /** One project (a file, its override, or the -f files), loaded with its config and variables. */
    record Loaded(List<Input> inputs, LintRun run, Config config, Variables variables, ComposeFile file) {

        Input first() {
            return inputs.get(0);
        }
    }

    /**
     * Reads FILE (or standard input for '-'), or the -f files when FILE is null, with the files of its
     * project, and loads them, or says why not.
     */
    Loaded load(String file, String failOn) throws UsageException, ConfigException, ParseFailure, IOException {
        return load(file, failOn, null);
    }

    /**
     * Like {@link #load(String, String)}; with {@code into}, that file joins the project last (as an
     * empty override when it does not exist yet).
     */
    Loaded load(String file, String failOn, String into)
            throws UsageException, ConfigException, ParseFailure, IOException {
        List<Input> project = options.explicitProject(io);
        if (project != null && file != null) {
            throw new UsageException("give either -f files or FILE, not both");
        }
        if (project == null) {
            if (file == null) {
                throw new UsageException("missing FILE (or -f files)");
            }
            Input in;
            if (file.equals("-")) {
                in = options.stdin(io);
            } else {
                if (!Files.isRegularFile(Path.of(file))) {
                    throw new UsageException(file + ": no such file");
                }
                in = new Input(file, Path.of(file), null);
            }
            project = ProjectFiles.group(List.of(in), options.ignoreEnvironment ? java.util.Map.of() : io.env()).get(0);
        }
        if (into != null) {
            Path p = Path.of(into);
            project = new java.util.ArrayList<>(project);
            boolean present = false;
            for (Input in : project) {
                present |= in.path().toAbsolutePath().normalize().equals(p.toAbsolutePath().normalize());
            }
            if (!present) {
                project.add(Files.isRegularFile(p) ? new Input(into, p, null)
                        : new Input(into, p, "services:\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        LintRun run = options.run(io, catalog, failOn);
        Path first = project.get(0).path();
        try {
            return new Loaded(project, run, run.configFor(first), run.variables(first), run.load(project));
        } catch (ProjectException e) {
            throw new ParseFailure(e.file() != null ? e.file() : project.get(0).display(), e);
        }
    }

    /** The loaded project rewritten by {@code linter}'s fixes, reloading it after each pass. */
    static RewriteResult rewrite(Loaded loaded, Linter linter, boolean unsafe) throws RewriteFailure {
        return new Rewriter(linter, loaded.variables(), unsafe).rewrite(loaded.file(), new Reload(loaded));
    }

    /** {@link #reload} of one project (a class rather than a lambda, which a start would have to link). */
    static final class Reload implements Reloader {
        private final Loaded loaded;

        Reload(Loaded loaded) {
            this.loaded = loaded;
        }

        @Override
        public ComposeFile reload(Map<String, String> texts) throws Reloader.Failure {
            return CommandBase.reload(loaded, texts);
        }
    }

    /** The project with some files' texts replaced (by file name). */
    static ComposeFile reload(Loaded loaded, Map<String, String> texts) throws Reloader.Failure {
        try {
            return loaded.run().load(loaded.inputs(), texts);
        } catch (ProjectException e) {
            throw new Reloader.Failure(e.getMessage() + (e.position() == null ? "" : " at " + e.file() + ":"
                    + e.position()));
        }
    }

    /** An input that does not parse: {@code file:line:col: error parse-error message}. */
    static final class ParseFailure extends Exception {

        private static final long serialVersionUID = 1L;

        ParseFailure(String file, ProjectException e) {
            super(file + (e.position() == null ? "" : ":" + e.position().line() + ":" + e.position().column())
                    + ": error parse-error " + e.getMessage());
        }
    }
}
