package dev.composefix.engine;

import dev.composefix.fix.YamlEditor;
import dev.composefix.model.ComposeFile;
import dev.composefix.script.ScriptFile;
import dev.composefix.work.Workers;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * From this many services a file's rules run in parallel: below it, handing rules to other
     * threads costs more than it saves, and a run over many files is parallel across files already.
     */
    static final int PARALLEL_SERVICES = 200;

    private final RuleCatalog catalog;
    private Settings settings;
    private final List<ActiveRule> rules;
    private final Predicate<Finding> excluded;
    private final SuppressionParser suppressionParser;
    private final Map<String, ActiveRule> active = new HashMap<>();
    private int parallelServices = PARALLEL_SERVICES;
    private final boolean rewriting;

    public Linter(RuleCatalog catalog, List<ActiveRule> rules, Predicate<Finding> excluded) {
        this(catalog, rules, excluded, null);
    }

    /** A linter whose rules see {@code settings} (null: the defaults, made when a rule first asks). */
    public Linter(RuleCatalog catalog, List<ActiveRule> rules, Predicate<Finding> excluded, Settings settings) {
        this(catalog, rules, excluded, settings, false);
    }

    private Linter(RuleCatalog catalog, List<ActiveRule> rules, Predicate<Finding> excluded, Settings settings,
            boolean rewriting) {
        this.rewriting = rewriting;
        this.settings = settings;
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        this.excluded = excluded;
        this.suppressionParser = new SuppressionParser(catalog);
        for (ActiveRule r : rules) {
            active.put(r.meta().code(), r);
        }
    }

    /** How long each rule (by code) took on this linter's last file big enough to run rules in parallel. */
    private final Map<String, Long> took = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What running {@code r} is expected to cost, to order a parallel run: its time on the last big
     * file, else a guess that a rule over the whole file (not one service at a time) costs more.
     */
    private long expectedCost(ActiveRule r) {
        Long t = took.get(r.meta().code());
        if (t != null) {
            return t;
        }
        return r.rule() instanceof ServiceRule ? 0 : 1;
    }

    /** For tests: run a file's rules in parallel from {@code services} services (a huge number: never). */
    void parallelFrom(int services) {
        this.parallelServices = services;
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    /**
     * This linter as a rewrite uses it: the same rules, whose fixes may also carry what other rules
     * derive from them ({@link RuleContext#rewriting}). A lint shows each finding's own fix.
     */
    public Linter forRewrite() {
        if (rewriting) {
            return this;
        }
        Linter l = new Linter(catalog, rules, excluded, settings(), true);
        l.parallelServices = parallelServices;
        return l;
    }

    /** Whether this linter's findings feed a rewrite ({@link #forRewrite}). */
    boolean rewriting() {
        return rewriting;
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
        return active.containsKey(code);
    }

    /** The rule with {@code code} as this run uses it, or null when it does not run. */
    ActiveRule active(String code) {
        return active.get(code);
    }

    public LintResult lint(ComposeFile file) {
        return session(file).finish();
    }

    /**
     * A lint of {@code file} done in parts: {@link Session#run} runs the rules a filter picks (and
     * shows what they found), {@link Session#finish} the others and then the late rules. The result is
     * that of {@link #lint}, however the rules were split: each rule's findings do not depend on the
     * others', and findings are sorted by a total order within each rule.
     */
    public Session session(ComposeFile file) {
        return new Session(file);
    }

    /** See {@link #session}. */
    public final class Session {
        private final ComposeFile file;
        private final List<Suppression> suppressions = new ArrayList<>();
        private final List<InternalFailure> failures = new ArrayList<>();
        private final Map<YamlDocument, YamlEditor> editor = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Object, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
        private final Set<ActiveRule> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private final List<Finding> findings = new ArrayList<>();

        private Session(ComposeFile file) {
            this.file = file;
            for (YamlDocument doc : file.documents()) {
                suppressions.addAll(suppressionParser.parse(doc, doc.source() != null ? doc.source() : file.path()));
            }
        }

        /** Runs the (not late) rules {@code which} picks that have not run yet; the findings so far, sorted. */
        public List<Finding> run(Predicate<RuleMetadata> which) {
            List<ActiveRule> selected = new ArrayList<>();
            for (ActiveRule r : rules) {
                if (!(r.rule() instanceof LateRule) && !done.contains(r) && which.test(r.meta())) {
                    selected.add(r);
                }
            }
            runAll(selected);
            return sorted();
        }

        /** The internal failures of the rules run so far. */
        public List<InternalFailure> failures() {
            return List.copyOf(failures);
        }

        /** Runs the rules not run yet, then the late ones (which judge the suppressions): the whole result. */
        public LintResult finish() {
            List<ActiveRule> rest = new ArrayList<>();
            List<ActiveRule> late = new ArrayList<>();
            for (ActiveRule r : rules) {
                if (r.rule() instanceof LateRule) {
                    late.add(r);
                } else if (!done.contains(r)) {
                    rest.add(r);
                }
            }
            runAll(rest);
            runAll(late);
            return new LintResult(sorted(), List.copyOf(failures));
        }

        private void runAll(List<ActiveRule> selected) {
            findings.addAll(Linter.this.run(file, selected, suppressions, failures, editor, shared));
            done.addAll(selected);
        }

        /** Every finding so far, sorted. */
        private List<Finding> sorted() {
            List<Finding> sorted = new ArrayList<>(findings);
            sorted.sort(Finding.ORDER);
            return sorted;
        }
    }

    private List<Finding> run(ComposeFile file, List<ActiveRule> selected, List<Suppression> suppressions,
            List<InternalFailure> failures, Map<YamlDocument, YamlEditor> editor, Map<Object, Object> shared) {
        // Each rule's findings, or the failure it threw, by the rule's place in the list.
        Object[] outcomes = new Object[selected.size()];
        boolean parallel = file.serviceCount() >= parallelServices && selected.size() > 1;
        Check check = new Check(this, file, selected, suppressions, editor, shared, outcomes, parallel);
        if (parallel) {
            // A big file: its rules on every core (rules keep no state; the tree is safe to share). Each
            // thread takes the next rule as it becomes free, the slowest first (as they took on this
            // linter's last big file; whole-file rules first when none has run yet), so the threads
            // finish together: cut into fixed pieces, one piece held the memory plan, the CPU limits and
            // the collision plan, and its thread ran on for a third of the pass after the other's was done.
            Integer[] order = new Integer[selected.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, new SlowestFirst(this, selected));
            Workers.eachIndex(order.length, new InOrder(check, order));
        } else {
            for (int i = 0; i < selected.size(); i++) {
                check.accept(i);
            }
        }
        List<Finding> raw = new ArrayList<>();
        for (Object o : outcomes) {
            if (o instanceof InternalFailure f) {
                failures.add(f);
            } else {
                @SuppressWarnings("unchecked")
                List<Finding> out = (List<Finding>) o;
                raw.addAll(out);
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
     * Runs the rule at an index of a run's selection and records its findings, or the failure it threw, at
     * that index (and, in a parallel run, how long it took). A class rather than a lambda, which a start
     * would have to link.
     */
    private static final class Check implements java.util.function.IntConsumer {
        private final Linter linter;
        private final ComposeFile file;
        private final List<ActiveRule> selected;
        private final List<Suppression> suppressions;
        private final Map<YamlDocument, YamlEditor> editor;
        private final Map<Object, Object> shared;
        private final Object[] outcomes;
        private final boolean parallel;

        Check(Linter linter, ComposeFile file, List<ActiveRule> selected, List<Suppression> suppressions,
                Map<YamlDocument, YamlEditor> editor, Map<Object, Object> shared, Object[] outcomes,
                boolean parallel) {
            this.linter = linter;
            this.file = file;
            this.selected = selected;
            this.suppressions = suppressions;
            this.editor = editor;
            this.shared = shared;
            this.outcomes = outcomes;
            this.parallel = parallel;
        }

        @Override
        public void accept(int i) {
            ActiveRule r = selected.get(i);
            List<Finding> out = new ArrayList<>();
            long start = parallel ? System.nanoTime() : 0;
            try {
                r.rule().check(file, new RuleContext(r, file, suppressions, out, linter, editor, shared));
                outcomes[i] = out;
            } catch (RuntimeException | StackOverflowError e) {
                outcomes[i] = new InternalFailure(r.meta().name(), file.path(), e);
            }
            if (parallel) {
                linter.took.put(r.meta().code(), System.nanoTime() - start);
            }
        }
    }

    /** Indices into a run's selection, the rule expected to cost most first ({@link Linter#expectedCost}). */
    private static final class SlowestFirst implements java.util.Comparator<Integer> {
        private final Linter linter;
        private final List<ActiveRule> selected;

        SlowestFirst(Linter linter, List<ActiveRule> selected) {
            this.linter = linter;
            this.selected = selected;
        }

        @Override
        public int compare(Integer a, Integer b) {
            return Long.compare(-linter.expectedCost(selected.get(a)), -linter.expectedCost(selected.get(b)));
        }
    }

    /** {@link Check} of the {@code k}th index of {@code order}: the rules taken in that order. */
    private static final class InOrder implements java.util.function.IntConsumer {
        private final Check check;
        private final Integer[] order;

        InOrder(Check check, Integer[] order) {
            this.check = check;
            this.order = order;
        }

        @Override
        public void accept(int k) {
            check.accept(order[k]);
        }
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
