package dev.composefix.cli;

import dev.composefix.config.Config;
import dev.composefix.config.ConfigException;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.yaml.YamlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * What every command shares: its surroundings, the rule catalog, the options that select rules and
 * read config and variables, and the turning of user mistakes into exit code 2 with a clear message.
 */
abstract class CommandBase implements Callable<Integer> {

    protected final Io io;
    protected final RuleCatalog catalog;

    @CommandLine.Mixin
    RunOptions options = new RunOptions();

    CommandBase(Io io, RuleCatalog catalog) {
        this.io = io;
        this.catalog = catalog;
    }

    @Override
    public final Integer call() throws IOException {
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

    /** One compose file, read and loaded with its config and variables. */
    record Loaded(Input input, LintRun run, Config config, Variables variables, ComposeFile file) {
    }

    /** Reads FILE (or standard input for '-') and loads it, or says why not. */
    Loaded load(String file, String failOn) throws UsageException, ConfigException, ParseFailure, IOException {
        Input in;
        if (file.equals("-")) {
            in = options.stdin(io);
        } else {
            try {
                in = new Input(file, Path.of(file), Files.readAllBytes(Path.of(file)));
            } catch (NoSuchFileException e) {
                throw new UsageException(file + ": no such file");
            } catch (IOException e) {
                throw new UsageException(file + ": cannot read: " + e.getMessage());
            }
        }
        LintRun run = options.run(io, catalog, failOn);
        Config config = run.configFor(in.path());
        Variables vars = run.variables(in.path());
        try {
            return new Loaded(in, run, config, vars, new ComposeLoader().load(in.display(), in.bytes(), vars));
        } catch (YamlException e) {
            throw new ParseFailure(in.display(), e);
        }
    }

    /** An input that does not parse: {@code file:line:col: error parse-error message}. */
    static final class ParseFailure extends Exception {

        private static final long serialVersionUID = 1L;

        ParseFailure(String file, YamlException e) {
            super(file + ":" + e.position().line() + ":" + e.position().column() + ": error parse-error "
                    + e.getMessage());
        }
    }
}
