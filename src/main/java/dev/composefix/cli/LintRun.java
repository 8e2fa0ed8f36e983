package dev.composefix.cli;

import dev.composefix.config.Config;
import dev.composefix.config.ConfigException;
import dev.composefix.config.ConfigLoader;
import dev.composefix.engine.ActiveRule;
import dev.composefix.engine.Finding;
import dev.composefix.engine.Host;
import dev.composefix.engine.InternalFailure;
import dev.composefix.engine.LintResult;
import dev.composefix.engine.Linter;
import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.RuleOptions;
import dev.composefix.engine.Settings;
import dev.composefix.engine.Severity;
import dev.composefix.engine.Spelling;
import dev.composefix.work.Workers;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.DotEnv;
import dev.composefix.model.Variables;
import dev.composefix.project.ProjectException;
import dev.composefix.project.ProjectLoader;
import dev.composefix.report.Redaction;
import dev.composefix.report.SecretRedaction;
import dev.composefix.report.Report;
import dev.composefix.rules.ParseError;
import dev.composefix.script.ScriptException;
import dev.composefix.script.ScriptFile;
import dev.composefix.script.ScriptLoader;
import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Position;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code composefix lint} run over a list of inputs: finds each file's config and env, loads it,
 * runs the selected rules, and decides the exit code. Nothing here prints; the command does.
 */
public final class LintRun {

    /** What the command line says about rule selection, config and variables. */
    public record Options(Path config, List<String> only, List<String> skip, Path envFile,
            boolean ignoreEnvironment, String failOn, Host host, List<String> profiles, Path projectRoot,
            YamlLimits limits) {

        public Options(Path config, List<String> only, List<String> skip, Path envFile, boolean ignoreEnvironment,
                String failOn, Host host, List<String> profiles, Path projectRoot) {
            this(config, only, skip, envFile, ignoreEnvironment, failOn, host, profiles, projectRoot,
                    YamlLimits.DEFAULT);
        }

        public Options(Path config, List<String> only, List<String> skip, Path envFile, boolean ignoreEnvironment,
                String failOn) {
            this(config, only, skip, envFile, ignoreEnvironment, failOn, Host.UNKNOWN);
        }

        public Options(Path config, List<String> only, List<String> skip, Path envFile, boolean ignoreEnvironment,
                String failOn, Host host) {
            this(config, only, skip, envFile, ignoreEnvironment, failOn, host, List.of(), null);
        }
    }

    /**
     * Everything the run produced: the report, internal failures, and the exit code; {@code failAt} is
     * the least severity that fails the run for each file (absent: never), {@code inputExit} what
     * unreadable inputs and internal failures alone make the exit code.
     */
    public record Outcome(Report report, List<InternalFailure> failures, int exitCode, Map<String, Severity> failAt,
            int inputExit) {

        /** The exit code when only {@code shown}'s findings count (a baseline's findings do not fail the run). */
        public int exitCode(Report shown) {
            return exitCode(shown, failAt, inputExit);
        }

        static int exitCode(Report shown, Map<String, Severity> failAt, int inputExit) {
            int exit = inputExit;
            // Findings come sorted by file: the threshold is looked up once per run of a file's findings.
            String file = null;
            Severity threshold = null;
            for (Finding f : shown.findings()) {
                if (!java.util.Objects.equals(f.file(), file)) {
                    file = f.file();
                    threshold = failAt.get(file);
                }
                if (threshold != null && f.severity().atLeast(threshold)) {
                    return Math.max(exit, ExitCode.FINDINGS);
                }
            }
            return exit;
        }
    }

    /** The rules; null until first needed when the run was made without one ({@link #catalog()}). */
    private volatile RuleCatalog catalog;
    private final Options options;
    private final Map<String, String> environment;
    private final Map<Path, Config> configs = new HashMap<>();
    private final Set<String> only;
    private final Set<String> skip;
    /** Files that other files name (extends, include), parsed once for the run's projects. */
    private final Map<String, YamlDocument> referenced = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A run with the rules of {@code catalog}, or with composefix's own when it is null: then the catalog is
     * asked for only when first needed, so that a run reads and parses its first file while another thread
     * builds the catalog ({@link Main}).
     *
     * @throws UsageException when --only or --skip names an unknown rule or --fail-on is invalid
     */
    public LintRun(RuleCatalog catalog, Options options, Map<String, String> environment) throws UsageException {
        this.catalog = catalog;
        this.options = options;
        // A copy: the process environment's map converts and hashes the name at every lookup, and each
        // file's interpolation looks up each of its variables.
        this.environment = options.ignoreEnvironment() ? Map.of() : new HashMap<>(environment);
        this.only = codes(options.only(), "--only");
        this.skip = codes(options.skip(), "--skip");
        if (options.failOn() != null && !options.failOn().equals("never")
                && Severity.parse(options.failOn()).isEmpty()) {
            throw new UsageException("--fail-on must be error, warning, info or never, not '" + options.failOn() + "'");
        }
    }

    private RuleCatalog catalog() {
        RuleCatalog c = catalog;
        if (c == null) {
            c = dev.composefix.rules.Rules.catalog(); // built once, under a lock
            catalog = c;
        }
        return c;
    }

    /** The parse check's metadata, which every file's findings and checked codes name. */
    private RuleMetadata parseErrorRule() {
        return catalog().find(ParseError.NAME);
    }

    private Set<String> codes(List<String> names, String flag) throws UsageException {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            for (String part : n.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                RuleMetadata m = catalog().find(part);
                if (m == null) {
                    throw new UsageException(flag + ": unknown rule '" + part.strip() + "'"
                            + Spelling.hint(part.strip(), catalog().names()));
                }
                out.add(m.code());
            }
        }
        return out;
    }

    /** Lints each input as a project of its own (no override files picked up). */
    public Outcome run(List<Input> inputs) throws ConfigException {
        List<List<Input>> projects = new ArrayList<>();
        for (Input in : inputs) {
            projects.add(List.of(in));
        }
        return runProjects(projects);
    }

    /** Lints projects: each a list of files merged in order, the first one the base. */
    public Outcome runProjects(List<List<Input>> projects) throws ConfigException {
        return run(projects, List.of());
    }

    /** Lints compose projects and script files, into one report. */
    public Outcome run(List<List<Input>> projects, List<ScriptInput> scripts) throws ConfigException {
        // Read every config first: a broken config stops the run before any output.
        List<Config> perProject = configs(projects);
        List<Config> perScript = new ArrayList<>();
        for (ScriptInput script : scripts) {
            perScript.add(configFor(script.input().path()));
        }
        // Projects are independent: with several, every core lints them; results are merged in input order,
        // so the report is the same whatever finishes first.
        List<Linted> linted = inOrder(projects.size(), new LintProject(this, projects, perProject));
        // Sized once: a run over thousands of files gathers hundreds of thousands of findings, and growing
        // the list step by step copied it again and again.
        int found = 0;
        for (Linted l : linted) {
            found += l.findings().size();
        }
        List<Finding> findings = new ArrayList<>(found + 16);
        List<InternalFailure> failures = new ArrayList<>();
        Map<String, LineMap> sources = new LinkedHashMap<>();
        Map<String, List<String>> checks = new HashMap<>();
        Map<String, Severity> failAt = new HashMap<>();
        int exit = ExitCode.OK;
        int files = 0;
        Set<String> secrets = new LinkedHashSet<>();
        // Each file's findings are masked with the secrets of the projects it was linted in, not with every
        // project's: what a report prints of a file does not depend on what else the run read.
        Map<String, Set<String>> secretsByFile = new HashMap<>();
        for (Linted l : linted) {
            for (String file : l.sources().keySet()) {
                Set<String> fileSecrets = secretsByFile.get(file);
                if (fileSecrets == null) {
                    fileSecrets = new LinkedHashSet<>();
                    secretsByFile.put(file, fileSecrets);
                }
                fileSecrets.addAll(l.secrets());
            }
            files += l.files();
            findings.addAll(l.findings());
            failures.addAll(l.failures());
            sources.putAll(l.sources());
            checks.putAll(l.checks());
            failAt.putAll(l.failAt());
            secrets.addAll(l.secrets());
            exit = Math.max(exit, l.exit());
        }
        RuleMetadata parseError = scripts.isEmpty() ? null : parseErrorRule();
        for (int i = 0; i < scripts.size(); i++) {
            ScriptInput script = scripts.get(i);
            Config config = perScript.get(i);
            Linter linter = linter(config, script.input().path());
            if (!linter.readsScripts()) {
                continue; // no rule selected for this run reads scripts
            }
            files++;
            String name = script.input().display();
            List<String> codes = new ArrayList<>();
            codes.add(parseError.code());
            codes.addAll(linter.scriptCodes());
            checks.put(name, codes);
            Severity threshold = threshold(config);
            if (threshold != null) {
                failAt.put(name, threshold);
            }
            ScriptFile file;
            try {
                byte[] bytes = script.input().bytes() != null ? script.input().bytes()
                        : options.limits().read(script.input().path());
                file = ScriptLoader.load(name, script.kind(), bytes);
            } catch (ScriptException e) {
                Position at = e.position() != null ? e.position() : new Position(1, 1, 0);
                findings.add(ParseError.finding(parseError, name, at, "cannot read this "
                        + script.kind().description() + ": " + e.getMessage()));
                exit = Math.max(exit, ExitCode.USAGE);
                continue;
            } catch (IOException e) {
                findings.add(ParseError.finding(parseError, name, new Position(1, 1, 0), "cannot read the file: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
                exit = Math.max(exit, ExitCode.USAGE);
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                // A bug in reading the script: reported as one, and the other files still run.
                failures.add(new InternalFailure(ParseError.NAME, name, e));
                exit = Math.max(exit, ExitCode.INTERNAL);
                continue;
            }
            sources.put(name, file.lines());
            LintResult result = linter.lint(file);
            findings.addAll(result.findings());
            failures.addAll(result.failures());
            if (!result.failures().isEmpty()) {
                exit = Math.max(exit, ExitCode.INTERNAL);
            }
        }
        findings.sort(Finding.ORDER);
        findings = Finding.withoutRepeats(findings);
        Map<Set<String>, Redaction> bySecrets = new HashMap<>();
        Map<String, Redaction> byFile = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : secretsByFile.entrySet()) {
            Redaction redaction = bySecrets.get(e.getValue());
            if (redaction == null) {
                redaction = SecretRedaction.ofValues(e.getValue());
                bySecrets.put(e.getValue(), redaction);
            }
            byFile.put(e.getKey(), redaction);
        }
        Report report = new Report(findings, files, sources, checks, SecretRedaction.ofValues(secrets), byFile);
        return new Outcome(report, failures, Outcome.exitCode(report, failAt, exit), failAt, exit);
    }

    /** The limits files are read within. */
    YamlLimits limits() {
        return options.limits();
    }

    /** Each project's config, read before anything is linted: a broken config stops the run before any output. */
    List<Config> configs(List<List<Input>> projects) throws ConfigException {
        List<Config> perProject = new ArrayList<>();
        for (List<Input> project : projects) {
            perProject.add(configFor(project.get(0).path()));
        }
        return perProject;
    }

    /** {@code work} applied to {@code 0..n-1} on every core ({@link Workers#eachIndex}), the results in index order. */
    static <T> List<T> inOrder(int n, java.util.function.IntFunction<T> work) {
        List<T> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
        Workers.eachIndex(n, new Collect<>(work, out));
        synchronized (out) {
            return out;
        }
    }

    /**
     * {@code work} of an index, put at that index of {@code out} (a class rather than a lambda, which a start
     * would have to link).
     */
    private static final class Collect<T> implements java.util.function.IntConsumer {
        private final java.util.function.IntFunction<T> work;
        private final List<T> out;

        Collect(java.util.function.IntFunction<T> work, List<T> out) {
            this.work = work;
            this.out = out;
        }

        @Override
        public void accept(int i) {
            T result = work.apply(i);
            synchronized (out) {
                out.set(i, result);
            }
        }
    }

    /** Lints the project at an index with its config (a class rather than a lambda, which a start would link). */
    private static final class LintProject implements java.util.function.IntFunction<Linted> {
        private final LintRun run;
        private final List<List<Input>> projects;
        private final List<Config> configs;

        LintProject(LintRun run, List<List<Input>> projects, List<Config> configs) {
            this.run = run;
            this.projects = projects;
            this.configs = configs;
        }

        @Override
        public Linted apply(int i) {
            return run.lintProject(projects.get(i), configs.get(i));
        }
    }

    /** What linting one project gave, merged into the run's outcome in project order. */
    record Linted(int files, List<Finding> findings, List<InternalFailure> failures,
            Map<String, LineMap> sources, Map<String, List<String>> checks, Map<String, Severity> failAt,
            Set<String> secrets, int exit) {
    }

    Linted lintProject(List<Input> project, Config config) {
        List<Finding> findings = new ArrayList<>();
        List<InternalFailure> failures = new ArrayList<>();
        Map<String, LineMap> sources = new LinkedHashMap<>();
        Map<String, List<String>> checks = new HashMap<>();
        Map<String, Severity> failAt = new HashMap<>();
        int exit = ExitCode.OK;
        ComposeFile file;
        try {
            file = load(project);
        } catch (ProjectException e) {
            RuleMetadata parseError = parseErrorRule();
            Finding f = parseError(parseError, project, e, sources, options.limits());
            findings.add(f);
            checks.put(f.file(), List.of(parseError.code()));
            return new Linted(project.size(), findings, failures, sources, checks, failAt, Set.of(), ExitCode.USAGE);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in reading the project: reported as one, and the other projects still run.
            failures.add(new InternalFailure(ParseError.NAME, project.get(0).display(), e));
            return new Linted(project.size(), findings, failures, sources, checks, failAt, Set.of(),
                    ExitCode.INTERNAL);
        }
        LintResult result = linter(config, project.get(0).path()).lint(file);
        findings.addAll(result.findings());
        failures.addAll(result.failures());
        if (!result.failures().isEmpty()) {
            exit = ExitCode.INTERNAL;
        }
        Severity threshold = threshold(config);
        for (YamlDocument doc : file.documents()) {
            sources.put(doc.source(), doc.lines());
            checks.put(doc.source(), checked(config));
            if (threshold != null) {
                failAt.put(doc.source(), threshold);
            }
        }
        // Sorted here, on this project's thread: the run's sort of all findings then meets runs already in
        // order (the same order: both sorts are stable), which with inputs in name order is one pass.
        findings.sort(Finding.ORDER);
        findings = Finding.withoutRepeats(findings);
        // The tree is dropped here: the report needs only the secret values to mask, and the lines to quote.
        return new Linted(project.size(), findings, failures, sources, checks, failAt,
                SecretRedaction.values(file.documents()), exit);
    }

    /** Loads a project's files (with their includes and extends) into one model. */
    public ComposeFile load(List<Input> project) throws ProjectException {
        return load(project, Map.of());
    }

    /**
     * Loads a project with some files' texts given (by file name, as positions name files): the
     * rewrite reloads its edited texts this way.
     */
    public ComposeFile load(List<Input> project, Map<String, String> texts) throws ProjectException {
        Map<Path, String> edited = new HashMap<>();
        for (Input in : project) {
            if (texts.containsKey(in.display())) {
                edited.put(in.path().toAbsolutePath().normalize(), texts.get(in.display()));
            }
        }
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (e.getKey() != null) {
                edited.putIfAbsent(Path.of(e.getKey()).toAbsolutePath().normalize(), e.getValue());
            }
        }
        Map<Path, Input> given = new HashMap<>();
        for (Input in : project) {
            if (in.bytes() != null) {
                given.put(in.path().toAbsolutePath().normalize(), in);
            }
        }
        List<String> names = new ArrayList<>();
        Map<String, Path> paths = new HashMap<>();
        for (Input in : project) {
            names.add(in.display());
            paths.put(in.display(), in.path());
        }
        Path first = project.get(0).path();
        // Files read as they are on disk may take referenced files parsed by an earlier project of the run.
        Map<String, YamlDocument> shared = edited.isEmpty() && given.isEmpty() ? referenced : null;
        ProjectLoader loader = new ProjectLoader(new ProjectLoader.Options(repositoryRoot(first), options.profiles(),
                variables(first), options.limits()), new FileBytes(edited, given, options.limits()), shared);
        try {
            return loader.load(names, paths);
        } finally {
            // What the lint of it needs next (the catalog, the kinds, the schema): this thread builds those
            // Main's other thread has not begun while that one finishes its own (a no-op once all are built).
            Main.Prepare.help();
        }
    }

    /**
     * A project's file bytes: an edited text, else the bytes given for it, else the file as it is on disk. A class
     * rather than a lambda, which a start would have to link.
     */
    private static final class FileBytes implements ProjectLoader.Reader {
        private final Map<Path, String> edited;
        private final Map<Path, Input> given;
        private final YamlLimits limits;

        FileBytes(Map<Path, String> edited, Map<Path, Input> given, YamlLimits limits) {
            this.edited = edited;
            this.given = given;
            this.limits = limits;
        }

        @Override
        public byte[] read(Path path) throws IOException {
            String text = edited.get(path.toAbsolutePath().normalize());
            if (text != null) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            Input in = given.get(path.toAbsolutePath().normalize());
            if (in != null) {
                return in.bytes();
            }
            return limits.read(path);
        }
    }

    /** The repository root references may not leave: --project-root, or the directory holding .git. */
    private Path repositoryRoot(Path file) {
        if (options.projectRoot() != null) {
            return options.projectRoot();
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        List<Path> walked = new ArrayList<>();
        Optional<Path> root = Optional.empty();
        while (dir != null) {
            Optional<Path> known = repositoryRoots.get(dir);
            if (known != null) {
                root = known;
                break;
            }
            walked.add(dir);
            if (Files.exists(dir.resolve(".git"))) {
                root = Optional.of(dir);
                break;
            }
            dir = dir.getParent();
        }
        for (Path w : walked) {
            repositoryRoots.put(w, root); // the same for every directory below the root found
        }
        return root.orElse(null);
    }

    /**
     * What {@link #repositoryRoot} and the config search found for each directory looked at: the files of
     * a run share parent directories, whose file checks are then made once, not once per file.
     */
    private final Map<Path, Optional<Path>> repositoryRoots = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Path, Optional<Path>> configDirectories = new java.util.concurrent.ConcurrentHashMap<>();

    private static Finding parseError(RuleMetadata parseError, List<Input> project, ProjectException e,
            Map<String, LineMap> sources, YamlLimits limits) {
        String file = e.file() != null ? e.file() : project.get(0).display();
        for (Input in : project) {
            if (in.display().equals(file)) {
                byte[] bytes = in.bytes();
                try {
                    bytes = bytes != null ? bytes : limits.read(in.path());
                } catch (IOException unreadable) {
                    continue; // the finding says why; there is no line to quote
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (text.indexOf('\uFFFD') < 0 && text.indexOf('\0') < 0) {
                    sources.put(file, new LineMap(text)); // quote the line only when it is readable text
                }
            }
        }
        Position at = e.position() != null ? e.position() : new Position(1, 1, 0);
        return ParseError.finding(parseError, file, at, e.getMessage());
    }

    /** The linter for a file under {@code config}: its rules, severities, options and exclusions. */
    public Linter linter(Config config, Path path) {
        return linter(config, path, null);
    }

    /** A linter whose fixes write every addition into the file named {@code into} (null: where values live). */
    public Linter linter(Config config, Path path, String into) {
        return new Linter(catalog(), activeRules(config), new Excluded(config, path),
                new Settings(config.host().with(options.host()), config.kindTable(), into, config.tuning()));
    }

    /**
     * The codes of the rules that check a file under {@code config}: the parse check, then the active rules.
     * One list for every file under one config (the report only reads it): a list for each of thousands
     * of files was a megabyte held to the end of the run.
     */
    private List<String> checked(Config config) {
        List<String> known = checkedCodes.get(config);
        if (known == null) {
            List<String> codes = new ArrayList<>();
            codes.add(parseErrorRule().code());
            for (ActiveRule r : activeRules(config)) {
                codes.add(r.meta().code());
            }
            known = List.copyOf(codes);
            checkedCodes.put(config, known);
        }
        return known;
    }

    private final Map<Config, List<String>> checkedCodes =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** The least severity that fails the run for this config; null means never. */
    private Severity threshold(Config config) {
        String flag = options.failOn();
        if (flag != null) {
            return flag.equals("never") ? null : Severity.parse(flag).orElseThrow();
        }
        return config.failOn();
    }

    /** The config that applies to {@code path}: --config, or the nearest .composefix.yml. */
    public Config configFor(Path path) throws ConfigException {
        Path file = options.config();
        if (file == null) {
            Path dir = path.toAbsolutePath().getParent();
            file = dir == null ? null : ConfigLoader.find(dir, configDirectories).orElse(null);
        }
        if (file == null) {
            return Config.DEFAULT;
        }
        Path key = file.toAbsolutePath().normalize();
        Config c = configs.get(key);
        if (c == null) {
            c = new ConfigLoader(catalog()).load(file);
            configs.put(key, c);
        }
        return c;
    }

    /**
     * The rules active under each config of the run, by identity: the same for every file under one
     * config, and making them (names, metadata, options) for each of thousands of files was a cost.
     */
    private final Map<Config, List<ActiveRule>> active =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private List<ActiveRule> activeRules(Config config) {
        List<ActiveRule> known = active.get(config);
        if (known == null) {
            known = List.copyOf(computeActiveRules(config));
            active.put(config, known);
        }
        return known;
    }

    private List<ActiveRule> computeActiveRules(Config config) {
        List<ActiveRule> out = new ArrayList<>();
        RuleCatalog catalog = catalog();
        for (Rule r : catalog.rules()) {
            RuleMetadata meta = catalog.metadata(r);
            Config.RuleSetting setting = config.rules().get(meta.code());
            boolean selected = only.isEmpty() ? setting == null || !setting.off() : only.contains(meta.code());
            if (!selected || skip.contains(meta.code())) {
                continue;
            }
            Severity forced = setting == null ? null : setting.severity();
            Map<String, String> opts = setting == null ? Map.of() : setting.options();
            out.add(new ActiveRule(r, meta, forced, new RuleOptions(meta, opts)));
        }
        return out;
    }

    /** {@link #excluded} for one file (a class rather than a lambda, which a start would have to link). */
    private static final class Excluded implements java.util.function.Predicate<Finding> {
        private final Config config;
        private final Path file;

        Excluded(Config config, Path file) {
            this.config = config;
            this.file = file;
        }

        @Override
        public boolean test(Finding f) {
            return excluded(config, file, f);
        }
    }

    private static boolean excluded(Config config, Path file, Finding f) {
        if (config.excludes().isEmpty()) {
            return false;
        }
        Path base = config.baseDirectory();
        Path abs = file.toAbsolutePath().normalize();
        String relative = base != null && abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
        for (Config.Exclusion ex : config.excludes()) {
            if (ex.path() != null) {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + ex.path());
                if (!m.matches(Path.of(relative))) {
                    continue;
                }
            }
            if (ex.service() != null && !ex.service().equals(f.service())) {
                continue;
            }
            if (!ex.rules().isEmpty() && !ex.rules().contains(f.code())) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** Interpolation variables for a compose file: the environment, then its env file. */
    public Variables variables(Path composeFile) {
        Path envFile = options.envFile();
        if (envFile == null) {
            Path dir = composeFile.toAbsolutePath().getParent();
            if (dir == null) {
                return Variables.of(environment);
            }
            envFile = dir.resolve(".env");
        }
        // Once per env file: the projects of a run share one --env-file, or directories (a repository's several
        // compose files), whose .env was otherwise looked for, read and parsed again for each of them.
        Variables known = envVariables.get(envFile);
        if (known == null) {
            known = variablesFrom(envFile);
            envVariables.putIfAbsent(envFile, known);
        }
        return known;
    }

    /** The variables of each env file read, over the environment ({@link #variables}). */
    private final Map<Path, Variables> envVariables = new java.util.concurrent.ConcurrentHashMap<>();

    /** The environment, then the variables {@code envFile} sets when it is a file that can be read. */
    private Variables variablesFrom(Path envFile) {
        Variables env = Variables.of(environment);
        if (Files.isRegularFile(envFile)) {
            try {
                String text = Files.readString(envFile, StandardCharsets.UTF_8);
                return env.then(Variables.of(DotEnv.parse(text, env)));
            } catch (IOException | java.io.UncheckedIOException e) {
                return env;
            }
        }
        return env;
    }

}
