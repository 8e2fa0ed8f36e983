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
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.DotEnv;
import dev.composefix.model.Variables;
import dev.composefix.report.Redaction;
import dev.composefix.report.Report;
import dev.composefix.rules.ParseError;
import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.YamlException;
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
import java.util.Set;

/**
 * One {@code composefix lint} run over a list of inputs: finds each file's config and env, loads it,
 * runs the selected rules, and decides the exit code. Nothing here prints; the command does.
 */
public final class LintRun {

    /** What the command line says about rule selection, config and variables. */
    public record Options(Path config, List<String> only, List<String> skip, Path envFile,
            boolean ignoreEnvironment, String failOn, Host host) {

        public Options(Path config, List<String> only, List<String> skip, Path envFile, boolean ignoreEnvironment,
                String failOn) {
            this(config, only, skip, envFile, ignoreEnvironment, failOn, Host.UNKNOWN);
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
            for (Finding f : shown.findings()) {
                Severity threshold = failAt.get(f.file());
                if (threshold != null && f.severity().atLeast(threshold)) {
                    exit = Math.max(exit, ExitCode.FINDINGS);
                }
            }
            return exit;
        }
    }

    private final RuleCatalog catalog;
    private final Options options;
    private final Map<String, String> environment;
    private final Map<Path, Config> configs = new HashMap<>();
    private final Set<String> only;
    private final Set<String> skip;

    /**
     * @throws UsageException when --only or --skip names an unknown rule or --fail-on is invalid
     */
    public LintRun(RuleCatalog catalog, Options options, Map<String, String> environment) throws UsageException {
        this.catalog = catalog;
        this.options = options;
        this.environment = options.ignoreEnvironment() ? Map.of() : environment;
        this.only = codes(options.only(), "--only");
        this.skip = codes(options.skip(), "--skip");
        if (options.failOn() != null && !options.failOn().equals("never")
                && Severity.parse(options.failOn()).isEmpty()) {
            throw new UsageException("--fail-on must be error, warning, info or never, not '" + options.failOn() + "'");
        }
    }

    private Set<String> codes(List<String> names, String flag) throws UsageException {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            for (String part : n.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                RuleMetadata m = catalog.find(part);
                if (m == null) {
                    throw new UsageException(flag + ": unknown rule '" + part.strip() + "'"
                            + Spelling.hint(part.strip(), catalog.names()));
                }
                out.add(m.code());
            }
        }
        return out;
    }

    public Outcome run(List<Input> inputs) throws ConfigException {
        // Read every config first: a broken config stops the run before any output.
        List<Config> perInput = new ArrayList<>();
        for (Input in : inputs) {
            perInput.add(configFor(in.path()));
        }
        List<Finding> findings = new ArrayList<>();
        List<InternalFailure> failures = new ArrayList<>();
        Map<String, LineMap> sources = new LinkedHashMap<>();
        Map<String, List<String>> checks = new HashMap<>();
        Map<String, Severity> failAt = new HashMap<>();
        int exit = ExitCode.OK;
        RuleMetadata parseError = catalog.find(ParseError.NAME);
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            Config config = perInput.get(i);
            Variables vars = variables(in.path());
            ComposeFile file;
            try {
                file = new ComposeLoader().load(in.display(), in.bytes(), vars);
            } catch (YamlException e) {
                findings.add(ParseError.finding(parseError, in.display(), e.position(), e.getMessage()));
                checks.put(in.display(), List.of(parseError.code()));
                String text = new String(in.bytes(), StandardCharsets.UTF_8);
                if (text.indexOf('\uFFFD') < 0 && text.indexOf('\0') < 0) {
                    sources.put(in.display(), new LineMap(text)); // quote the line only when it is readable text
                }
                exit = Math.max(exit, ExitCode.USAGE);
                continue;
            }
            sources.put(in.display(), file.document().lines());
            LintResult result = linter(config, in.path()).lint(file);
            findings.addAll(result.findings());
            failures.addAll(result.failures());
            if (!result.failures().isEmpty()) {
                exit = Math.max(exit, ExitCode.INTERNAL);
            }
            checks.put(in.display(), checked(parseError, config));
            Severity threshold = threshold(config);
            if (threshold != null) {
                failAt.put(in.display(), threshold);
            }
        }
        findings.sort(Finding.ORDER);
        Report report = new Report(findings, inputs.size(), sources, checks, Redaction.NONE);
        return new Outcome(report, failures, Outcome.exitCode(report, failAt, exit), failAt, exit);
    }

    /** The linter for a file under {@code config}: its rules, severities, options and exclusions. */
    public Linter linter(Config config, Path path) {
        return new Linter(catalog, activeRules(config), f -> excluded(config, path, f),
                new Settings(config.host().with(options.host()), config.kindTable()));
    }

    /** The codes of the rules that check a file under {@code config}: the parse check, then the active rules. */
    private List<String> checked(RuleMetadata parseError, Config config) {
        List<String> codes = new ArrayList<>();
        codes.add(parseError.code());
        for (ActiveRule r : activeRules(config)) {
            codes.add(r.meta().code());
        }
        return codes;
    }

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
            file = dir == null ? null : ConfigLoader.find(dir).orElse(null);
        }
        if (file == null) {
            return Config.DEFAULT;
        }
        Path key = file.toAbsolutePath().normalize();
        Config c = configs.get(key);
        if (c == null) {
            c = new ConfigLoader(catalog).load(file);
            configs.put(key, c);
        }
        return c;
    }

    private List<ActiveRule> activeRules(Config config) {
        List<ActiveRule> out = new ArrayList<>();
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
        Variables env = Variables.of(environment);
        Path envFile = options.envFile();
        if (envFile == null) {
            Path dir = composeFile.toAbsolutePath().getParent();
            envFile = dir == null ? null : dir.resolve(".env");
        }
        if (envFile != null && Files.isRegularFile(envFile)) {
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
