package dev.composefix.cli;

import dev.composefix.config.ConfigException;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.Finding;
import dev.composefix.model.Variables;
import dev.composefix.rewrite.AtomicWrite;
import dev.composefix.rewrite.RewriteFailure;
import dev.composefix.rewrite.RewriteResult;
import dev.composefix.rewrite.Rewriter;
import dev.composefix.rewrite.UnifiedDiff;
import dev.composefix.yaml.YamlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code composefix rewrite FILE...}: the file with every safe fix applied (several files with -i or --check). */
@Command(name = "rewrite", mixinStandardHelpOptions = true,
        description = {"Writes the compose file with its problems fixed: limits, staggered health checks, "
                + "staged startup, and more. Only text at the fixed places changes: comments, key order, "
                + "quoting, anchors and line endings stay.",
                "Without -o, -i, --diff or --check, the rewritten file goes to standard output."})
final class RewriteCommand extends CommandBase {

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "The compose file ('-' for standard input); with -i or --check, any number of files.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the rewritten file to OUT.")
    Path output;

    @Option(names = {"-i", "--in-place"}, description = "Replace FILE (atomically; nothing is written when "
            + "there is nothing to change).")
    boolean inPlace;

    @Option(names = "--diff", description = "Print a unified diff instead of the file.")
    boolean diff;

    @Option(names = "--check", description = "Exit 1 when the file would change, printing the diff (for pre-commit).")
    boolean check;

    @Option(names = "--unsafe-fixes", description = "Also apply fixes that could break a stack that works today.")
    boolean unsafeFixes;

    RewriteCommand(Io io, RuleCatalog catalog) {
        super(io, catalog);
    }

    @Override
    int execute() throws UsageException, ConfigException, ParseFailure, IOException {
        int modes = (output != null ? 1 : 0) + (inPlace ? 1 : 0) + (diff ? 1 : 0) + (check ? 1 : 0);
        if (modes > 1) {
            throw new UsageException("choose one of -o, --in-place, --diff and --check");
        }
        if (files.size() > 1 && !inPlace && !check) {
            throw new UsageException("several files need --in-place or --check");
        }
        int exit = ExitCode.OK;
        for (String file : files) {
            try {
                exit = Math.max(exit, rewrite(file));
            } catch (UsageException e) {
                io.err().println("composefix: " + e.getMessage());
                exit = Math.max(exit, ExitCode.USAGE);
            } catch (ParseFailure e) {
                io.err().println(e.getMessage());
                exit = Math.max(exit, ExitCode.USAGE);
            }
        }
        return exit;
    }

    /** Rewrites one file as the options say; returns its exit code. */
    private int rewrite(String file) throws UsageException, ConfigException, ParseFailure, IOException {
        boolean stdin = file.equals("-");
        if (stdin && inPlace) {
            throw new UsageException("--in-place needs a file, not standard input");
        }
        Loaded loaded = load(file, null);
        Input in = loaded.input();
        Variables vars = loaded.variables();
        RewriteResult result;
        try {
            result = new Rewriter(loaded.run().linter(loaded.config(), in.path()), vars, unsafeFixes)
                    .rewrite(in.display(), loaded.file());
        } catch (RewriteFailure e) {
            io.err().println("composefix: rewriting " + in.display() + " failed in the fix of rule " + e.rule()
                    + ": " + e.getMessage() + ". Nothing was written.");
            io.err().println("This is a bug in composefix; please report it together with the input file.");
            return ExitCode.INTERNAL;
        } catch (YamlException e) {
            throw new ParseFailure(in.display(), e);
        }
        byte[] bytes = ((result.bom() ? "\uFEFF" : "") + result.text()).getBytes(StandardCharsets.UTF_8);
        summarize(in.display(), result);
        if (diff || check) {
            io.out().print(UnifiedDiff.of(in.display(), result.original(), result.text()));
            io.out().flush();
            return check && result.changed() ? ExitCode.FINDINGS : ExitCode.OK;
        }
        if (inPlace) {
            if (result.changed()) {
                write(Path.of(file), bytes, true);
            }
            return ExitCode.OK;
        }
        if (output != null) {
            write(output, bytes, false);
            return ExitCode.OK;
        }
        io.out().write(bytes);
        io.out().flush();
        return ExitCode.OK;
    }

    private void write(Path target, byte[] bytes, boolean atomic) throws UsageException {
        try {
            if (atomic || Files.exists(target)) {
                AtomicWrite.replace(target, bytes);
            } else {
                Files.write(target, bytes);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private boolean fixRule(Finding f) {
        RuleCatalog c = catalog != null ? catalog : dev.composefix.rules.Rules.catalog();
        dev.composefix.engine.RuleMetadata m = c.find(f.code());
        return m != null && m.fix() != dev.composefix.fix.FixSafety.NONE;
    }

    /** One line on standard error: what was fixed and what is left. */
    private void summarize(String name, RewriteResult result) {
        Map<String, Integer> byRule = new TreeMap<>();
        for (Finding f : result.fixed()) {
            byRule.merge(f.rule(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder("composefix: ").append(name).append(": ");
        if (byRule.isEmpty()) {
            b.append("nothing to fix");
        } else {
            b.append("fixed ").append(result.fixed().size()).append(result.fixed().size() == 1 ? " problem (" : " problems (");
            int i = 0;
            for (Map.Entry<String, Integer> e : byRule.entrySet()) {
                b.append(i++ > 0 ? ", " : "").append(e.getKey()).append(" x").append(e.getValue());
            }
            b.append(')');
        }
        int left = result.remaining().size();
        if (left > 0) {
            b.append("; ").append(left).append(left == 1 ? " problem remains" : " problems remain")
                    .append(" (composefix lint ").append(name).append(" lists them)");
        }
        io.err().println(b);
        // Say so when a rule whose problems rewrite fixes could not fix one (a budget the floors do not
        // fit, checks that cannot all be staggered, a shape that cannot be edited safely).
        for (Finding f : result.remaining()) {
            if (fixRule(f)) {
                io.err().println("composefix: not fixed: " + f.file() + ":" + f.start().line() + ":"
                        + f.start().column() + ": " + f.rule() + " " + f.message());
            }
        }
    }
}
