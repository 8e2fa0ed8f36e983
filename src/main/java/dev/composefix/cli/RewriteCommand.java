package dev.composefix.cli;

import dev.composefix.config.ConfigException;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.Finding;
import dev.composefix.rewrite.AtomicWrite;
import dev.composefix.rewrite.RewriteLock;
import dev.composefix.report.SecretRedaction;
import dev.composefix.rewrite.RewriteFailure;
import dev.composefix.engine.Linter;
import dev.composefix.model.ComposeFile;
import dev.composefix.rewrite.IntoOverride;
import dev.composefix.rewrite.Reloader;
import dev.composefix.rewrite.RewriteResult;
import dev.composefix.rewrite.Rewriter;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import dev.composefix.rewrite.UnifiedDiff;
import dev.composefix.rewrite.ScriptRewriter;
import dev.composefix.script.ScriptException;
import dev.composefix.script.ScriptFile;
import dev.composefix.script.ScriptKind;
import dev.composefix.script.ScriptKinds;
import dev.composefix.script.ScriptLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Model.CommandSpec;

/** {@code composefix rewrite FILE}: the file with every safe fix applied. */
final class RewriteCommand extends CommandBase {

    List<String> files = new ArrayList<>();
    Path output;
    boolean inPlace;
    boolean diff;
    boolean check;
    boolean unsafeFixes;
    String into;

    @Override
    CommandSpec declare() {
        CommandSpec spec = Specs.command(this, "rewrite", "Writes the compose file with its problems fixed: limits, "
                + "staggered health checks, staged startup, and more. Only text at the fixed places changes: "
                + "comments, key order, quoting, anchors and line endings stay.",
                "Without -o, -i, --diff or --check, the rewritten file goes to standard output.");
        spec.addPositional(Specs.positionals("FILE", "0..*", "The compose file ('-' for standard input); with -i or "
                + "--check, any number of files; or give one project's files with -f.").build());
        spec.addOption(Specs.option(new String[] {"-o", "--output"}, "OUT", Path.class,
                "Write the rewritten file to OUT.").build());
        spec.addOption(Specs.flag(new String[] {"-i", "--in-place"}, "Replace FILE (atomically; nothing is written "
                + "when there is nothing to change).").build());
        spec.addOption(Specs.flag("--diff", "Print a unified diff instead of the file.").build());
        spec.addOption(Specs.flag("--check",
                "Exit 1 when the file would change, printing the diff (for pre-commit).").build());
        spec.addOption(Specs.flag("--unsafe-fixes",
                "Also apply fixes that could break a stack that works today.").build());
        spec.addOption(Specs.option("--into", "OVERRIDE", String.class,
                "Leave every existing file as it is and write all additions into OVERRIDE (created "
                        + "when missing), an override file loaded after the others.").build());
        return spec;
    }

    @Override
    void read(CommandSpec parsed) {
        files = positionals(parsed);
        output = Specs.value(parsed, "--output");
        inPlace = Specs.flag(parsed, "--in-place");
        diff = Specs.flag(parsed, "--diff");
        check = Specs.flag(parsed, "--check");
        unsafeFixes = Specs.flag(parsed, "--unsafe-fixes");
        into = Specs.value(parsed, "--into");
    }

    @Override
    String plainFlag(String arg) {
        switch (arg) {
            case "-i", "--in-place" -> inPlace = true;
            case "--diff" -> diff = true;
            case "--check" -> check = true;
            case "--unsafe-fixes" -> unsafeFixes = true;
            default -> {
                return super.plainFlag(arg);
            }
        }
        return arg.equals("-i") ? "--in-place" : arg;
    }

    @Override
    void plainPositionals(List<String> values) {
        files = values;
    }

    RewriteCommand(Io io, RuleCatalog catalog) {
        super(io, catalog);
    }

    @Override
    int execute() throws UsageException, ConfigException, ParseFailure, IOException {
        int modes = (output != null ? 1 : 0) + (inPlace ? 1 : 0) + (diff ? 1 : 0) + (check ? 1 : 0);
        if (modes > 1) {
            throw new UsageException("choose one of -o, --in-place, --diff and --check");
        }
        if (into != null && (inPlace || output != null)) {
            throw new UsageException("--into writes its file itself; it takes --diff or --check, not -i or -o");
        }
        if (files.size() > 1 && !inPlace && !check && !diff) {
            throw new UsageException("several files need --in-place, --diff or --check");
        }
        if (files.size() > 1 && into != null) {
            throw new UsageException("--into takes one project");
        }
        if (files.isEmpty()) {
            return locked(null);
        }
        // Each file is a project of its own (with its override); pre-commit passes many at once, and one
        // that fails does not stop the others.
        int exit = ExitCode.OK;
        for (String file : files) {
            try {
                exit = Math.max(exit, locked(file));
            } catch (UsageException e) {
                io.err().println("composefix: " + e.getMessage());
                exit = Math.max(exit, ExitCode.USAGE);
            } catch (ParseFailure e) {
                io.err().println(e.getMessage());
                exit = Math.max(exit, ExitCode.USAGE);
            } catch (RuntimeException | StackOverflowError e) {
                // A bug: say so for this file, write nothing for it, and go on with the others.
                io.err().println("composefix: internal error while rewriting " + file + ": " + e
                        + ". Nothing was written for it.");
                io.err().println("This is a bug in composefix; please report it together with the input file"
                        + (options.debug ? "." : " (add --debug for the stack trace)."));
                if (options.debug) {
                    e.printStackTrace(io.err());
                }
                exit = Math.max(exit, ExitCode.INTERNAL);
            }
        }
        return exit;
    }

    /**
     * {@link #rewrite(String)}, holding the file's {@link RewriteLock} from reading to writing when the
     * run writes files, so a concurrent run on the same file waits and then rewrites this one's result.
     */
    private int locked(String file) throws UsageException, ConfigException, ParseFailure, IOException {
        String first = file != null ? file : options.files.isEmpty() ? null : options.files.get(0);
        if (!(inPlace || into != null) || first == null || first.equals("-") || !Files.isRegularFile(Path.of(first))) {
            return rewrite(file);
        }
        if (AtomicWrite.readOnly(AtomicWrite.target(Path.of(first)).getParent())) {
            return rewrite(file); // nothing can be written there, so nothing to keep apart; writing says why not
        }
        RewriteLock lock;
        try {
            lock = RewriteLock.acquire(Path.of(first));
        } catch (IOException e) {
            throw new UsageException("cannot write " + first + ": " + whyNot(e, Path.of(first)));
        }
        try (lock) {
            return rewrite(file);
        }
    }

    /** Why an I/O operation on {@code file} failed, in words. */
    private static String whyNot(IOException e, Path file) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            Path dir = file.toAbsolutePath().getParent();
            return dir != null && !Files.isWritable(dir) ? "the directory " + dir + " is not writable"
                    : "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Rewrites the project of {@code file} (or of the -f files, when null) as the options say. */
    private int rewrite(String file) throws UsageException, ConfigException, ParseFailure, IOException {
        boolean stdin = "-".equals(file) || options.files.contains("-");
        if (stdin && (inPlace || into != null)) {
            throw new UsageException("--in-place and --into need files, not standard input");
        }
        java.util.Optional<ScriptKind> script = file == null || stdin ? java.util.Optional.empty()
                : ScriptKinds.of(Path.of(file), null);
        if (script.isPresent()) {
            return rewriteScript(file, script.get());
        }
        Loaded loaded = load(file, null, into);
        String name = loaded.first().display();
        RewriteResult result;
        try {
            Linter linter = loaded.run().linter(loaded.config(), loaded.first().path(), into);
            result = into == null ? rewrite(loaded, linter, unsafeFixes) : rewriteInto(loaded, linter);
        } catch (Reloader.Failure | YamlException e) {
            io.err().println("composefix: rewriting " + name + " failed: " + e.getMessage() + ". Nothing was written.");
            io.err().println("This is a bug in composefix; please report it together with the input files.");
            return ExitCode.INTERNAL;
        } catch (RewriteFailure e) {
            io.err().println("composefix: rewriting " + name + " failed in the fix of rule " + e.rule()
                    + ": " + e.getMessage() + ". Nothing was written.");
            io.err().println("This is a bug in composefix; please report it together with the input files.");
            return ExitCode.INTERNAL;
        }
        SecretRedaction redaction = SecretRedaction.of(loaded.file().documents());
        summarize(name, result, redaction);
        return emit(result, new PathOf(loaded), redaction);
    }

    /**
     * {@code rewrite SCRIPT}: a shell script, Makefile, CI file, package.json or code file, with the fixes of
     * the rules that read scripts (CF105's graceful stop is unsafe: only with --unsafe-fixes).
     */
    private int rewriteScript(String file, ScriptKind kind) throws UsageException, ConfigException, IOException {
        if (into != null) {
            throw new UsageException("--into writes compose overrides; " + file + " is a " + kind.description());
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new UsageException(file + ": no such file");
        }
        LintRun run = options.run(io, catalog, null);
        ScriptFile script;
        try {
            script = ScriptLoader.load(file, kind, Files.readAllBytes(path));
        } catch (ScriptException e) {
            io.err().println(file + (e.position() == null ? "" : ":" + e.position().line() + ":"
                    + e.position().column()) + ": error parse-error cannot read this " + kind.description() + ": "
                    + e.getMessage());
            return ExitCode.USAGE;
        }
        RewriteResult result;
        try {
            result = new ScriptRewriter(run.linter(run.configFor(path), path), unsafeFixes).rewrite(script);
        } catch (RewriteFailure e) {
            io.err().println("composefix: rewriting " + file + " failed in the fix of rule " + e.rule()
                    + ": " + e.getMessage() + ". Nothing was written.");
            io.err().println("This is a bug in composefix; please report it together with the input files.");
            return ExitCode.INTERNAL;
        }
        SecretRedaction redaction = SecretRedaction.of(List.of());
        summarize(file, result, redaction);
        return emit(result, new OnePath(path), redaction);
    }

    /** Prints, checks or writes the rewritten files as the options say. */
    private int emit(RewriteResult result, java.util.function.Function<String, Path> pathOf,
            SecretRedaction redaction) throws UsageException, IOException {
        List<String> changed = result.changedFiles();
        if (diff || check) {
            for (String f : changed) {
                RewriteResult.FileText t = result.files().get(f);
                // Masked like every report (a diff lands in CI logs); a masked line no longer applies as a patch.
                StringBuilder shown = new StringBuilder();
                for (String line : UnifiedDiff.of(f, t.original(), t.text()).split("(?<=\n)")) {
                    shown.append(redaction.mask(line));
                }
                io.out().print(shown);
            }
            io.out().flush();
            return check && result.changed() ? ExitCode.FINDINGS : ExitCode.OK;
        }
        if (inPlace || into != null) {
            for (String f : changed) {
                RewriteResult.FileText t = result.files().get(f);
                write(pathOf.apply(f), bytes(t), true);
            }
            return ExitCode.OK;
        }
        String first = result.files().keySet().iterator().next();
        if (!changed.isEmpty() && !changed.equals(List.of(first))) {
            throw new UsageException("rewriting this project changes " + String.join(", ", changed)
                    + "; standard output holds one file: use --diff, --check or --in-place");
        }
        byte[] bytes = bytes(result.files().get(first));
        if (output != null) {
            write(output, bytes, false);
            return ExitCode.OK;
        }
        io.out().write(bytes);
        io.out().flush();
        return ExitCode.OK;
    }

    /**
     * {@code --into}: the override gets an empty entry per service first (so the additions of many
     * services land in one pass), and the entries left empty are taken out again afterwards.
     */
    private RewriteResult rewriteInto(Loaded loaded, Linter linter)
            throws RewriteFailure, Reloader.Failure, YamlException {
        String intoName = loaded.inputs().get(loaded.inputs().size() - 1).display();
        YamlDocument intoDoc = loaded.file().document(intoName);
        boolean created = !Files.exists(Path.of(into));
        String original = created ? "" : intoDoc.text();
        Set<String> names = IntoOverride.seededNames(loaded.file(), intoDoc);
        ComposeFile start = reload(loaded, Map.of(intoName, IntoOverride.seed(loaded.file(), intoDoc)));
        RewriteResult r = new Rewriter(linter, loaded.variables(), unsafeFixes).rewrite(start, new Reload(loaded));
        Map<String, RewriteResult.FileText> files = new LinkedHashMap<>(r.files());
        RewriteResult.FileText t = files.get(intoName);
        String text = IntoOverride.unseed(t.text(), intoName, names);
        if (created && text.equals(intoDoc.text())) {
            text = ""; // nothing was added: the file is not created
        }
        files.put(intoName, new RewriteResult.FileText(original, text, intoDoc.bom()));
        // The rewrite's own findings are those of the seeded override (an empty entry is a schema
        // violation): what was fixed and what is left are judged on the user's files, before and after.
        List<Finding> before = new ArrayList<>();
        for (Finding f : linter.lint(loaded.file()).findings()) {
            // A created file's finding stands for a file that is not there ("empty"): left out.
            if (!created || !intoName.equals(f.file())) {
                before.add(f);
            }
        }
        List<Finding> after = text.equals(intoDoc.text()) ? before
                : linter.lint(reload(loaded, Map.of(intoName, text))).findings();
        return new RewriteResult(files, Rewriter.gone(before, after), after, r.passes());
    }

    private static byte[] bytes(RewriteResult.FileText t) {
        return ((t.bom() ? "\uFEFF" : "") + t.text()).getBytes(StandardCharsets.UTF_8);
    }

    /** The path of a project file named {@code source} (a top-level file's as given, else its name). */
    private static Path pathOf(Loaded loaded, String source) {
        for (Input in : loaded.inputs()) {
            if (in.display().equals(source)) {
                return in.path();
            }
        }
        return Path.of(source);
    }

    /** {@link #pathOf} in one project (a class rather than a lambda, which a start would have to link). */
    private static final class PathOf implements java.util.function.Function<String, Path> {
        private final Loaded loaded;

        PathOf(Loaded loaded) {
            this.loaded = loaded;
        }

        @Override
        public Path apply(String source) {
            return pathOf(loaded, source);
        }
    }

    /** The one path of a script's rewrite, whatever the file's name (a class rather than a lambda). */
    private static final class OnePath implements java.util.function.Function<String, Path> {
        private final Path path;

        OnePath(Path path) {
            this.path = path;
        }

        @Override
        public Path apply(String source) {
            return path;
        }
    }

    private void write(Path target, byte[] bytes, boolean atomic) throws UsageException {
        try {
            if (atomic || Files.exists(target)) {
                AtomicWrite.replace(target, bytes);
            } else {
                Files.write(target, bytes);
            }
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UsageException("cannot write " + target + ": " + (e.getReason() != null ? e.getReason()
                    : whyNot(e, target)) + "; nothing was written");
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + ": " + whyNot(e, target) + "; nothing was written");
        }
    }

    private boolean fixRule(Finding f) {
        RuleCatalog c = catalog != null ? catalog : dev.composefix.rules.Rules.catalog();
        dev.composefix.engine.RuleMetadata m = c.find(f.code());
        return m != null && m.fix() != dev.composefix.fix.FixSafety.NONE;
    }

    /** One line on standard error: what was fixed and what is left. */
    private void summarize(String name, RewriteResult result, SecretRedaction redaction) {
        Map<String, Integer> byRule = new TreeMap<>();
        for (Finding f : result.fixed()) {
            Integer n = byRule.get(f.rule());
            byRule.put(f.rule(), n == null ? 1 : n + 1);
        }
        StringBuilder b = new StringBuilder("composefix: ").append(name).append(": ");
        if (byRule.isEmpty()) {
            // A plan can change the file and still leave each finding it touched (checks that collide less, not never).
            b.append(result.changed() ? "changed the file, but no problem is gone entirely" : "nothing to fix");
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
        // fit, checks that cannot all be staggered, a shape that cannot be edited safely); the first
        // NOT_FIXED_SHOWN of them, and how many more (a stack of thousands of services has thousands).
        int more = 0;
        int shown = 0;
        for (Finding f : result.remaining()) {
            if (fixRule(f)) {
                if (shown == NOT_FIXED_SHOWN) {
                    more++;
                    continue;
                }
                shown++;
                boolean needsFlag = !unsafeFixes && f.fix() != null
                        && f.fix().safety() == dev.composefix.fix.FixSafety.UNSAFE;
                io.err().println("composefix: " + (needsFlag ? "not fixed without --unsafe-fixes: " : "not fixed: ")
                        + f.file() + ":" + f.start().line() + ":" + f.start().column() + ": " + f.rule() + " "
                        + redaction.mask(f.message()));
            }
        }
        if (more > 0) {
            io.err().println("composefix: " + name + ": " + more + " more not fixed (composefix lint " + name
                    + " lists them)");
        }
    }

    /** How many of the problems a fixing rule could not fix are named one by one. */
    static final int NOT_FIXED_SHOWN = 25;
}
