package dev.composefix.cli;

import dev.composefix.config.ConfigException;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.discovery.ComposeFiles;
import dev.composefix.discovery.Discovered;
import dev.composefix.discovery.Problem;
import dev.composefix.engine.InternalFailure;
import dev.composefix.baseline.Baseline;
import dev.composefix.baseline.BaselineException;
import dev.composefix.report.Format;
import dev.composefix.report.LinkBase;
import dev.composefix.report.Report;
import dev.composefix.report.ReportOptions;
import dev.composefix.rules.Rules;
import dev.composefix.script.ScriptKind;
import dev.composefix.script.ScriptKinds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code composefix lint [PATH...]}. */
final class LintCommand extends CommandBase {

    List<String> paths = new ArrayList<>();
    Format format = Format.TEXT;
    Path output;
    String linkBase;
    Path baseline;
    Path writeBaseline;
    String failOn;
    boolean noScripts;

    LintCommand(Io io, RuleCatalog catalog) {
        super(io, catalog);
    }

    @Override
    CommandSpec declare() {
        CommandSpec spec = Specs.command(this, "lint", "Reports problems in compose files: missing limits, colliding "
                + "health checks, force-removal commands, and more.",
                "PATHs are files or directories (searched recursively for compose files, honouring "
                        + ".gitignore); '-' reads standard input. Default: the current directory.",
                "Directories are also searched for the docker commands of shell scripts, Makefiles, GitHub "
                        + "Actions and GitLab CI files, package.json scripts and Python/JavaScript/TypeScript "
                        + "code (--no-scripts turns this off).");
        spec.addPositional(Specs.positionals("PATH", "0..*", "Files or directories to lint ('-' for stdin).").build());
        spec.addOption(Specs.option("--format", "FORMAT", Format.class,
                "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).").defaultValue("text")
                .converters(new FormatConverter()).completionCandidates(new FormatConverter.Candidates()).build());
        spec.addOption(Specs.option(new String[] {"-o", "--output"}, "FILE", Path.class,
                "Write the report to FILE.").build());
        spec.addOption(Specs.option("--link-base", "URL",  String.class,
                "markdown: link each finding to URL/PATH#Lline (default in GitHub Actions: the commit being "
                        + "checked).").build());
        spec.addOption(Specs.option("--baseline", "FILE", Path.class,
                "Report only findings that are not recorded in this baseline file.").build());
        spec.addOption(Specs.option("--write-baseline", "FILE", Path.class,
                "Record the current findings in FILE (they do not fail this run); later runs with "
                        + "--baseline FILE report only new ones.").build());
        spec.addOption(Specs.option("--fail-on", "LEVEL", String.class,
                "Exit 1 when a finding is at least this severe: error, warning, info or never "
                        + "(default: the config's fail-on, else warning).").build());
        spec.addOption(Specs.flag("--no-scripts",
                "Lint only compose files: do not read the shell scripts, Makefiles, CI files, "
                        + "package.json scripts and code that directories hold, nor such files given as PATHs.")
                .build());
        return spec;
    }

    @Override
    void read(CommandSpec parsed) {
        paths = positionals(parsed);
        format = Specs.value(parsed, "--format");
        output = Specs.value(parsed, "--output");
        linkBase = Specs.value(parsed, "--link-base");
        baseline = Specs.value(parsed, "--baseline");
        writeBaseline = Specs.value(parsed, "--write-baseline");
        failOn = Specs.value(parsed, "--fail-on");
        noScripts = Specs.flag(parsed, "--no-scripts");
    }

    @Override
    String plainFlag(String arg) {
        if (arg.equals("--no-scripts")) {
            noScripts = true;
            return arg;
        }
        return super.plainFlag(arg);
    }

    /**
     * {@code --fail-on} with one of its levels, the option a pre-commit hook's {@code args} give most (README's
     * example): any other value goes to picocli, and then to the run's message about it.
     */
    @Override
    String plainOption(String name, String value) {
        if (name.equals("--fail-on") && (value.equals("error") || value.equals("warning") || value.equals("info")
                || value.equals("never"))) {
            failOn = value;
            return name;
        }
        return super.plainOption(name, value);
    }

    @Override
    void plainPositionals(List<String> values) {
        paths = values;
    }

    static boolean debug(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult sub = parsed == null ? null : parsed.subcommand();
        return sub != null && sub.hasMatchedOption("--debug");
    }

    @Override
    int execute() throws UsageException, ConfigException, IOException {
        return lint();
    }

    private int lint() throws UsageException, ConfigException, IOException {
        if (baseline != null && writeBaseline != null) {
            throw new UsageException("choose one of --baseline and --write-baseline");
        }
        LintRun run = options.run(io, catalog, failOn);
        Baseline known = readBaseline();
        List<List<Input>> projects = new ArrayList<>();
        List<ScriptInput> scripts = new ArrayList<>();
        int exit = ExitCode.OK;
        List<Input> explicit = options.explicitProject(io);
        if (explicit != null) {
            if (!paths.isEmpty()) {
                throw new UsageException("give either -f files (one project) or PATHs, not both");
            }
            projects.add(explicit);
        } else {
            List<Input> inputs = new ArrayList<>();
            exit = collect(inputs, scripts);
            projects = ProjectFiles.group(inputs, options.ignoreEnvironment ? java.util.Map.of() : io.env());
        }
        if (known == null && writeBaseline == null && output == null && scripts.isEmpty()
                && projects.size() >= StreamedLint.FROM
                && format.reporter(reportOptions()) instanceof dev.composefix.report.FileByFile reporter) {
            // Many projects: each file's part printed as soon as it is final, not every finding held to the end.
            PrintAppendable printed = printAppendable();
            StreamedLint.Result result = StreamedLint.run(run, projects, reporter, printed);
            printed.finish();
            io.out().flush();
            failures(result.failures());
            return Math.max(exit, result.exit());
        }
        LintRun.Outcome outcome = run.run(projects, scripts);
        Report report = outcome.report();
        int findingsExit = outcome.exitCode();
        if (known != null) {
            report = known.newFindings(report);
            findingsExit = outcome.exitCode(report);
        } else if (writeBaseline != null) {
            write(writeBaseline, Baseline.render(report), "the baseline");
            io.err().println("composefix: recorded " + Baseline.recordableCount(report) + " findings in " + writeBaseline);
            findingsExit = outcome.exitCode(report.retain((f, fingerprint) -> false));
        }
        ReportOptions ro = reportOptions();
        if (output != null) {
            // Written as it is rendered, like standard output.
            try (java.io.Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                format.reporter(ro).render(report, w);
            } catch (IOException e) {
                throw new UsageException("cannot write the report to " + output + ": " + describe(e));
            }
        } else {
            // Printed as it is rendered: the report of thousands of files is not held as one string.
            PrintAppendable printed = printAppendable();
            format.reporter(ro).render(report, printed);
            printed.finish();
            io.out().flush();
        }
        failures(outcome.failures());
        return Math.max(exit, findingsExit);
    }

    private ReportOptions reportOptions() {
        return new ReportOptions(output == null && io.terminal() && format == Format.TEXT
                && !io.env().containsKey("NO_COLOR"), LinkBase.resolve(linkBase, io.env()),
                catalog != null ? catalog : Rules.catalog(), Main.version());
    }

    /** Standard output as the report is printed into it. */
    private PrintAppendable printAppendable() {
        java.nio.charset.Charset charset = stdoutCharset(io);
        return charset != null ? new EncodedPrintAppendable(io.out(), charset) : new PrintAppendable(io.out());
    }

    /** Says what went wrong inside composefix, on standard error. */
    private void failures(List<InternalFailure> failures) {
        for (InternalFailure f : failures) {
            io.err().println("composefix: " + f.message());
            if (options.debug) {
                f.cause().printStackTrace(io.err());
            }
        }
        if (!failures.isEmpty()) {
            io.err().println("This is a bug in composefix; please report it together with the input file"
                    + (options.debug ? "." : " (add --debug for the stack trace)."));
        }
    }

    /**
     * Hands text to a print stream as {@code print(String)} would have taken it all at once: the same
     * encoding, each piece ending on a whole character.
     */
    /**
     * The charset the process's standard output encodes text in, when it is known and encodes text in
     * pieces as it does whole; else null. Not known for output other than {@code System.out} (tests) or
     * an encoding the JVM could not load: Java 17 makes {@code System.out} with {@code sun.stdout.encoding}
     * when that is set, else with the default charset.
     */
    private static java.nio.charset.Charset stdoutCharset(Io io) {
        if (io.out() != System.out) {
            return null;
        }
        String name = System.getProperty("sun.stdout.encoding");
        java.nio.charset.Charset charset;
        try {
            charset = name != null ? java.nio.charset.Charset.forName(name) : java.nio.charset.Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean piecewise = charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.US_ASCII);
        return piecewise ? charset : null;
    }

    /** A print stream whose charset is known: also takes text already encoded, as bytes. */
    private static final class EncodedPrintAppendable extends PrintAppendable
            implements dev.composefix.report.EncodedOutput {
        private final java.nio.charset.Charset charset;

        EncodedPrintAppendable(java.io.PrintStream out, java.nio.charset.Charset charset) {
            super(out);
            this.charset = charset;
        }

        @Override
        public java.nio.charset.Charset charset() {
            return charset;
        }

        @Override
        public void write(byte[] bytes) {
            if (held()) {
                append(new String(bytes, charset)); // after half a character: joined as text (never, in practice)
            } else {
                out.write(bytes, 0, bytes.length);
            }
        }
    }

    private static class PrintAppendable implements Appendable {
        final java.io.PrintStream out;
        private final StringBuilder pending = new StringBuilder();

        PrintAppendable(java.io.PrintStream out) {
            this.out = out;
        }

        @Override
        public Appendable append(CharSequence text) {
            int length = text.length();
            if (pending.length() == 0 && (length == 0 || !Character.isHighSurrogate(text.charAt(length - 1)))) {
                // The usual piece: whole characters, nothing held from the last one; printed without
                // first copying it into the held text and out again.
                out.print(text.toString());
                return this;
            }
            pending.append(text);
            int end = pending.length();
            if (end > 0 && Character.isHighSurrogate(pending.charAt(end - 1))) {
                end--; // its low half comes with the next piece
            }
            out.print(pending.substring(0, end));
            pending.delete(0, end);
            return this;
        }

        /** Whether the high half of a character is held, waiting for its low half. */
        boolean held() {
            return pending.length() > 0;
        }

        /** Prints what is still held (a high surrogate that no low one followed). */
        void finish() {
            out.print(pending.toString());
            pending.setLength(0);
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) {
            return append(text.subSequence(start, end));
        }

        @Override
        public Appendable append(char c) {
            return append(String.valueOf(c));
        }
    }

    private Baseline readBaseline() throws UsageException {
        if (baseline == null) {
            return null;
        }
        try {
            return Baseline.read(baseline);
        } catch (BaselineException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void write(Path file, String text, String what) throws UsageException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + what + " to " + file + ": " + describe(e));
        }
    }

    /** Reads the inputs; returns 2 when a path was missing (those are reported on stderr). */
    private int collect(List<Input> inputs, List<ScriptInput> scripts) throws UsageException, IOException {
        List<String> args = paths.isEmpty() ? List.of(".") : paths;
        int exit = ExitCode.OK;
        List<String> fileArgs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-")) {
                inputs.add(options.stdin(io));
            } else {
                fileArgs.add(a);
            }
        }
        List<Path> roots = new ArrayList<>();
        for (String a : fileArgs) {
            roots.add(Path.of(a));
        }
        Discovered found = noScripts ? new ComposeFiles().find(roots)
                : new ComposeFiles().find(roots, ScriptsUnder.INSTANCE);
        for (Problem problem : found.problems()) {
            io.err().println("composefix: " + problem.path() + ": " + problem.message());
            exit = ExitCode.USAGE;
        }
        for (Path p : found.files()) {
            java.util.Optional<ScriptKind> kind = noScripts ? java.util.Optional.empty() : ScriptKinds.of(p, null);
            if (kind.isPresent()) {
                scripts.add(new ScriptInput(new Input(p.toString(), p, null), kind.get()));
            } else {
                inputs.add(new Input(p.toString(), p, null)); // read by the project loader, which names failures
            }
        }
        return exit;
    }

    /**
     * The script files under a directory searched: those {@link ScriptKinds} knows by their path there.
     * Classes rather than lambdas, which a start would have to link.
     */
    private static final class ScriptsUnder
            implements java.util.function.Function<Path, java.util.function.Predicate<Path>> {
        static final ScriptsUnder INSTANCE = new ScriptsUnder();

        @Override
        public java.util.function.Predicate<Path> apply(Path root) {
            return new ScriptUnder(root);
        }
    }

    /** Whether a file under {@code root} is a script ({@link ScriptsUnder}). */
    private static final class ScriptUnder implements java.util.function.Predicate<Path> {
        private final Path root;

        ScriptUnder(Path root) {
            this.root = root;
        }

        @Override
        public boolean test(Path p) {
            return ScriptKinds.of(p, root.relativize(p)).isPresent();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Turns --format text into {@link Format#TEXT}, with a clear message for unknown formats. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.id().equals(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("unknown format '" + value + "' (expected one of: "
                    + String.join(", ", new Candidates()) + ")");
        }

        /** The format names, for help. */
        static final class Candidates extends ArrayList<String> {
            private static final long serialVersionUID = 1L;

            Candidates() {
                for (Format f : Format.values()) {
                    add(f.id());
                }
            }
        }
    }
}
