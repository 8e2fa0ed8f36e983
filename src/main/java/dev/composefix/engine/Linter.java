package dev.composefix.engine;

import dev.composefix.fix.YamlEditor;
import dev.composefix.model.ComposeFile;
import dev.composefix.script.ScriptFile;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs a set of rules over a file: each rule in turn (a rule that throws is recorded as an internal
 * failure and the others still run), then drops findings that config excludes or comments suppress,
 * then runs the {@link LateRule}s that judge the suppressions, and sorts.
 */
public final class Linter {

    private final RuleCatalog catalog;
    private Settings settings;
    private final List<ActiveRule> rules;
    private final Predicate<Finding> excluded;
    private final SuppressionParser suppressionParser;
    private final Set<String> activeCodes = new HashSet<>();

    public Linter(RuleCatalog catalog, List<ActiveRule> rules, Predicate<Finding> excluded) {
        this(catalog, rules, excluded, null);
    }

    /** A linter whose rules see {@code settings} (null: the defaults, made when a rule first asks). */
    public Linter(RuleCatalog catalog, List<ActiveRule> rules, Predicate<Finding> excluded, Settings settings) {
        this.settings = settings;
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        this.excluded = excluded;
        this.suppressionParser = new SuppressionParser(catalog);
        for (ActiveRule r : rules) {
            activeCodes.add(r.meta().code());
        }
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    /** The host budget and service kinds the rules see. */
    public synchronized Settings settings() {
        if (settings == null) {
            settings = Settings.defaults();
        }
        return settings;
    }

    /** Whether findings of the rule with {@code code} can appear in this run. */
    public boolean runs(String code) {
        return activeCodes.contains(code);
    }

    public LintResult lint(ComposeFile file) {
        List<Suppression> suppressions = new ArrayList<>();
        for (YamlDocument doc : file.documents()) {
            suppressions.addAll(suppressionParser.parse(doc, doc.source() != null ? doc.source() : file.path()));
        }
        List<InternalFailure> failures = new ArrayList<>();
        Map<YamlDocument, YamlEditor> editor = new java.util.HashMap<>();
        List<Finding> findings = run(file, suppressions, failures, false, editor);
        findings.addAll(run(file, suppressions, failures, true, editor));
        findings.sort(Finding.ORDER);
        return new LintResult(findings, failures);
    }

    private List<Finding> run(ComposeFile file, List<Suppression> suppressions, List<InternalFailure> failures,
            boolean late, Map<YamlDocument, YamlEditor> editor) {
        List<Finding> raw = new ArrayList<>();
        for (ActiveRule r : rules) {
            if ((r.rule() instanceof LateRule) != late) {
                continue;
            }
            List<Finding> out = new ArrayList<>();
            try {
                r.rule().check(file, new RuleContext(r, file, suppressions, out, this, editor));
                raw.addAll(out);
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(new InternalFailure(r.meta().name(), file.path(), e));
            }
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : raw) {
            if (!excluded.test(f) && !suppressed(f, suppressions)) {
                kept.add(f);
            }
        }
        return kept;
    }

    /**
     * Lints a script file with the rules that read scripts ({@link ScriptRule}); config exclusions and
     * {@code composefix: ignore[...]} comments apply as they do to compose files (the comments of the file's
     * language and of its shell texts: a {@code #} line inside a {@code run: |} block counts). Unknown and
     * unused suppressions are reported in compose files only.
     */
    public LintResult lint(ScriptFile file) {
        List<Suppression> suppressions = suppressionParser.parse(file.comments(), file.lines(), file.display());
        List<InternalFailure> failures = new ArrayList<>();
        List<Finding> kept = new ArrayList<>();
        for (ActiveRule r : rules) {
            if (!(r.rule() instanceof ScriptRule rule)) {
                continue;
            }
            List<Finding> out = new ArrayList<>();
            try {
                rule.checkScript(file, new ScriptContext(r, file, out));
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(new InternalFailure(r.meta().name(), file.display(), e));
                continue;
            }
            for (Finding f : out) {
                if (!excluded.test(f) && !suppressed(f, suppressions)) {
                    kept.add(f);
                }
            }
        }
        kept.sort(Finding.ORDER);
        return new LintResult(kept, failures);
    }

    /** Whether this linter runs any rule that reads script files. */
    public boolean readsScripts() {
        for (ActiveRule r : rules) {
            if (r.rule() instanceof ScriptRule) {
                return true;
            }
        }
        return false;
    }

    /** The codes of the active rules that read script files. */
    public List<String> scriptCodes() {
        List<String> codes = new ArrayList<>();
        for (ActiveRule r : rules) {
            if (r.rule() instanceof ScriptRule) {
                codes.add(r.meta().code());
            }
        }
        return codes;
    }

    /** Whether {@code f} would be dropped by config or a suppression comment (nothing is marked used). */
    boolean dropped(Finding f, List<Suppression> suppressions) {
        if (excluded.test(f)) {
            return true;
        }
        for (Suppression s : suppressions) {
            if (s.covers(f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean suppressed(Finding f, List<Suppression> suppressions) {
        boolean hit = false;
        for (Suppression s : suppressions) {
            hit |= s.silences(f);
        }
        return hit;
    }
}
