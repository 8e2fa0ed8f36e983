package dev.composefix.rewrite;

import dev.composefix.engine.Finding;
import dev.composefix.engine.LintResult;
import dev.composefix.engine.Linter;
import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.fix.TextEdit;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.yaml.YamlDocument;
import dev.composefix.yaml.YamlException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fix loop: lint, apply every fix that does not conflict with one applied before it in the same
 * pass, re-parse and verify, and repeat until nothing fixable remains (at most {@link #MAX_PASSES}
 * passes). A pass whose text does not parse, or whose tree changes anywhere its fixes did not aim at,
 * stops the rewrite with a {@link RewriteFailure} naming the rule; so does a cycle.
 */
public final class Rewriter {

    public static final int MAX_PASSES = 10;

    private final Linter linter;
    private final Variables variables;
    private final boolean unsafe;
    private final boolean serial;

    /** A rewriter; {@code variables} are what a single file is reloaded with after each pass. */
    public Rewriter(Linter linter, Variables variables, boolean unsafe) {
        this(linter, variables, unsafe, false);
    }

    /**
     * With {@code serial}, a rewriter that takes fewer fixes per pass, the way it once did: a plan
     * waits until no other fix is pending, and insertions at one point never share a pass. Tests hold
     * the usual rewriter to the same tree as this one.
     */
    Rewriter(Linter linter, Variables variables, boolean unsafe, boolean serial) {
        this.linter = linter.forRewrite();
        this.variables = variables;
        this.unsafe = unsafe;
        this.serial = serial;
    }

    /** Rewrites one file that loaded without a parse error. */
    public RewriteResult rewrite(String path, ComposeFile original) throws RewriteFailure {
        return rewrite(original, new FileReloader(path, variables));
    }

    /**
     * Loads one file again from its edited text (a class rather than a lambda, which a start would have to link).
     */
    private static final class FileReloader implements Reloader {
        private final String path;
        private final Variables variables;

        FileReloader(String path, Variables variables) {
            this.path = path;
            this.variables = variables;
        }

        @Override
        public ComposeFile reload(Map<String, String> texts) throws Failure {
            try {
                return new ComposeLoader().load(path, texts.values().iterator().next(), variables);
            } catch (YamlException e) {
                throw new Reloader.Failure(e.getMessage() + " at " + e.position());
            }
        }
    }

    /** Rewrites a model (one file or a project), reloading it after each pass with {@code reloader}. */
    public RewriteResult rewrite(ComposeFile original, Reloader reloader) throws RewriteFailure {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Boolean> boms = new LinkedHashMap<>();
        for (YamlDocument doc : original.documents()) {
            texts.put(doc.source(), doc.text());
            boms.put(doc.source(), doc.bom());
        }
        Map<String, String> originals = new LinkedHashMap<>(texts);
        ComposeFile file = original;
        Set<Map<String, String>> seen = new HashSet<>();
        seen.add(Map.copyOf(nullSafe(texts)));
        List<Finding> initial = null;
        for (int pass = 1; ; pass++) {
            // After the first pass (whose findings are the "before"), the rules that can fix nothing run
            // only once nothing more is fixed, on the final text: a pass needs only the fixes.
            LintResult result;
            List<Finding> chosen;
            if (initial == null) {
                result = linter.lint(file);
                failIfAny(result.failures());
                initial = result.findings();
                chosen = choose(result.findings());
            } else {
                Linter.Session session = linter.session(file);
                List<Finding> found = session.run(new Fixes(this));
                failIfAny(session.failures());
                chosen = choose(found);
                result = chosen.isEmpty() ? session.finish() : null;
                if (result != null) {
                    failIfAny(result.failures());
                }
            }
            if (chosen.isEmpty()) {
                Map<String, RewriteResult.FileText> files = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : texts.entrySet()) {
                    files.put(e.getKey(), new RewriteResult.FileText(originals.get(e.getKey()), e.getValue(),
                            boms.get(e.getKey())));
                }
                List<Finding> remaining = new ArrayList<>(result.findings());
                return new RewriteResult(files, gone(initial, remaining), remaining, pass);
            }
            if (pass > MAX_PASSES) {
                throw new RewriteFailure(rules(chosen), "fixes still pending after " + MAX_PASSES + " passes: "
                        + rules(chosen) + " keep finding something to change");
            }
            Map<String, String> next = apply(texts, chosen);
            if (!seen.add(Map.copyOf(nullSafe(next)))) {
                throw new RewriteFailure(rules(chosen), "the fixes of " + rules(chosen)
                        + " undo each other (the rewrite went back to a text it had already produced)");
            }
            file = verify(reloader, file, texts, next, chosen);
            texts = next;
        }
    }

    /** Whether the rule's findings may carry fixes this rewrite applies. */
    private boolean fixes(dev.composefix.engine.RuleMetadata rule) {
        return applies(rule.fix());
    }

    /**
     * The rules whose findings may carry fixes this rewrite applies (a class rather than a method reference, which
     * a start would have to link).
     */
    private static final class Fixes implements java.util.function.Predicate<dev.composefix.engine.RuleMetadata> {
        private final Rewriter rewriter;

        Fixes(Rewriter rewriter) {
            this.rewriter = rewriter;
        }

        @Override
        public boolean test(dev.composefix.engine.RuleMetadata rule) {
            return rewriter.fixes(rule);
        }
    }

    /** Whether this rewrite applies fixes this safe: safe ones, and unsafe ones with --unsafe-fixes. */
    private boolean applies(FixSafety safety) {
        return safety == FixSafety.SAFE || unsafe && safety == FixSafety.UNSAFE;
    }

    private static void failIfAny(List<dev.composefix.engine.InternalFailure> failures) throws RewriteFailure {
        if (!failures.isEmpty()) {
            throw new RewriteFailure(failures.get(0).rule(), failures.get(0).message());
        }
    }

    private static Map<String, String> nullSafe(Map<String, String> texts) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    /**
     * Fixes that may be applied, in text order (leading plans first, other plans last), skipping any that
     * conflict with one taken before it.
     */
    List<Finding> choose(List<Finding> findings) {
        List<Finding> candidates = new ArrayList<>();
        for (Finding f : findings) {
            Fix fix = f.fix();
            if (fix != null && applies(fix.safety())) {
                candidates.add(f);
            }
        }
        // A whole-file plan waits while another pending fix writes something it reads, so its inputs are final.
        Set<String> pending = new HashSet<>();
        for (Finding c : candidates) {
            if (!c.fix().plan()) {
                if (serial) {
                    for (String t : c.fix().targets()) {
                        pending.add("\u0000" + t);
                    }
                    continue;
                }
                for (String w : c.fix().written()) {
                    pending.add(w == null ? "\u0000" : w); // outside the services: no plan reads it
                }
            }
        }
        // The findings of one plan share its fix's reads: judged once per set, not once per finding (null,
        // reading everything, is a key too).
        Map<Set<String>, Boolean> waits = new java.util.IdentityHashMap<>();
        List<Finding> ready = new ArrayList<>(candidates.size());
        for (Finding c : candidates) {
            if (!c.fix().plan()) {
                ready.add(c);
            } else if (serial) {
                if (pending.isEmpty()) {
                    ready.add(c);
                }
            } else {
                Boolean wait = waits.get(c.fix().reads());
                if (wait == null) {
                    wait = c.fix().waitsFor(pending);
                    waits.put(c.fix().reads(), wait);
                }
                if (!wait) {
                    ready.add(c);
                }
            }
        }
        // Leading plans first (what later fixes are derived from: the fixes whose edits they meet, a CPU
        // limit in the same new deploy block, move to the next pass instead), then the other fixes, then
        // the other plans: a plan spans many services, and taking it early would push the fixes it meets
        // to a later pass (and the plans waiting for those with them). Serially, every plan comes last.
        // Each fix's rank and start are worked out once (a plan's fix spans every service), not per
        // comparison; the sort is stable, so equal ones keep the findings' order.
        List<Ranked> ranked = new ArrayList<>(ready.size());
        for (Finding c : ready) {
            ranked.add(new Ranked(c, rank(c.fix()), c.fix().start()));
        }
        ranked.sort(Ranked.ORDER);
        List<Finding> chosen = new ArrayList<>();
        TakenEdits taken = new TakenEdits(serial);
        for (Ranked r : ranked) {
            Fix fix = r.finding.fix();
            if (!taken.conflicts(fix)) {
                chosen.add(r.finding);
                taken.add(fix);
            } else if (fix.alone() != null && !taken.conflicts(fix.alone())) {
                // What it carries meets a fix taken before it: its own work now, the carried work later.
                chosen.add(r.finding.withFix(fix.alone()));
                taken.add(fix.alone());
            }
        }
        return chosen;
    }

    /** A candidate fix with its place in the order of a pass. */
    private record Ranked(Finding finding, int rank, int start) {

        /** By rank, then start. */
        static final java.util.Comparator<Ranked> ORDER = new Order();

        /** By rank, then start (a class rather than a method reference, which a start would have to link). */
        private static final class Order implements java.util.Comparator<Ranked> {
            @Override
            public int compare(Ranked a, Ranked b) {
                return a.rank != b.rank ? Integer.compare(a.rank, b.rank) : Integer.compare(a.start, b.start);
            }
        }
    }

    /** Where a fix comes in a pass's order: leading plans, other fixes, other plans (serially: plans last). */
    private int rank(Fix fix) {
        return !fix.plan() ? 1 : fix.leads() && !serial ? 0 : 2;
    }

    /**
     * The edits of the fixes chosen so far, per file and by start offset, so that checking a candidate
     * looks only at edits that could reach it (starting at most the longest edit's length before it),
     * not at every fix taken: with 10,000 services a pass chooses among tens of thousands of fixes.
     * The verdicts are {@link Fix#conflicts}'s, pair by pair.
     */
    private static final class TakenEdits {
        private final Map<String, java.util.TreeMap<Integer, List<TextEdit>>> byStart = new java.util.HashMap<>();
        private final Map<String, Integer> longest = new java.util.HashMap<>();
        private final boolean serial;

        TakenEdits(boolean serial) {
            this.serial = serial;
        }

        boolean conflicts(Fix fix) {
            for (TextEdit a : fix.edits()) {
                java.util.TreeMap<Integer, List<TextEdit>> edits = byStart.get(a.source());
                if (edits == null) {
                    continue;
                }
                long lowest = (long) a.start() - longest.get(a.source());
                for (Map.Entry<Integer, List<TextEdit>> e : edits.headMap(a.end(), true).descendingMap().entrySet()) {
                    if (e.getKey() < lowest) {
                        break;
                    }
                    for (TextEdit b : e.getValue()) {
                        if (a.conflicts(b) || serial && a.start() == a.end() && b.start() == b.end() && a.start() == b.start()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        void add(Fix fix) {
            for (TextEdit e : fix.edits()) {
                java.util.TreeMap<Integer, List<TextEdit>> edits = byStart.get(e.source());
                if (edits == null) {
                    edits = new java.util.TreeMap<>();
                    byStart.put(e.source(), edits);
                }
                List<TextEdit> at = edits.get(e.start());
                if (at == null) {
                    at = new ArrayList<>();
                    edits.put(e.start(), at);
                }
                at.add(e);
                Integer most = longest.get(e.source());
                if (most == null || most < e.end() - e.start()) {
                    longest.put(e.source(), e.end() - e.start());
                }
            }
        }
    }

    /** The texts with the chosen fixes' edits applied, each file its own. */
    private static Map<String, String> apply(Map<String, String> texts, List<Finding> chosen) {
        String first = texts.keySet().iterator().next();
        Map<String, List<TextEdit>> bySource = new LinkedHashMap<>();
        for (Finding f : chosen) {
            for (TextEdit e : f.fix().edits()) {
                // An edit that names no file is in the first (the only one, for a single file).
                String source = e.source() == null ? first : e.source();
                List<TextEdit> edits = bySource.get(source);
                if (edits == null) {
                    edits = new ArrayList<>();
                    bySource.put(source, edits);
                }
                edits.add(e);
            }
        }
        Map<String, String> out = new LinkedHashMap<>(texts);
        for (Map.Entry<String, List<TextEdit>> e : bySource.entrySet()) {
            String text = texts.get(e.getKey());
            if (text == null) {
                throw new IllegalStateException("an edit names a file that is not in the project: " + e.getKey());
            }
            out.put(e.getKey(), Fix.apply(text, e.getValue()));
        }
        return out;
    }

    /** Reloads the new texts and checks that only the fixes' targets changed; names the culprit if not. */
    private ComposeFile verify(Reloader reloader, ComposeFile before, Map<String, String> texts,
            Map<String, String> next, List<Finding> chosen) throws RewriteFailure {
        Outcome outcome = check(reloader, before, next, chosen);
        if (outcome.problem == null) {
            return outcome.after;
        }
        if (chosen.size() > 1) {
            for (Finding f : chosen) {
                String alone = check(reloader, before, apply(texts, List.of(f)), List.of(f)).problem;
                if (alone != null) {
                    throw new RewriteFailure(f.rule(), "the fix of " + f.rule() + " (" + f.fix().title() + ") "
                            + alone);
                }
            }
        }
        throw new RewriteFailure(rules(chosen), "the fixes of " + rules(chosen) + " " + outcome.problem);
    }

    private record Outcome(ComposeFile after, String problem) {
    }

    private static Outcome check(Reloader reloader, ComposeFile before, Map<String, String> next, List<Finding> fixes) {
        ComposeFile after;
        try {
            after = reloader.reload(next);
        } catch (Reloader.Failure e) {
            return new Outcome(null, "produced text that does not parse: " + e.getMessage());
        }
        java.util.Set<String> targets = new java.util.HashSet<>();
        for (Finding f : fixes) {
            targets.addAll(f.fix().targets());
        }
        for (String d : TreeDiff.differences(before.root(), after.root())) {
            if (!TreeDiff.coveredBy(targets, d)) {
                return new Outcome(after, "changed " + d + ", which it did not aim at");
            }
        }
        return new Outcome(after, null);
    }

    /**
     * The findings of the first pass that the end result no longer has (fixed directly, or as a side
     * effect of another fix). Positions move, so findings are matched by rule, service and message,
     * and then, for messages that changed (one naming another service's line, a budget's sum), by rule
     * and service alone: a finding counts as fixed only when its service has fewer of its rule's
     * findings than before.
     */
    public static List<Finding> gone(List<Finding> initial, List<Finding> remaining) {
        // Grouped by rule code, then service: no key object per finding, and a message is compared only with
        // the few of its own group, not hashed unless the group is large (10,000 services: 40,000 findings).
        Map<String, Map<String, Left>> left = new HashMap<>();
        for (Finding f : remaining) {
            Map<String, Left> byService = left.get(f.code());
            if (byService == null) {
                byService = new HashMap<>();
                left.put(f.code(), byService);
            }
            Left group = byService.get(f.service());
            if (group == null) {
                group = new Left();
                byService.put(f.service(), group);
            }
            group.add(f.message());
        }
        Left[] groups = new Left[initial.size()];
        boolean[] kept = new boolean[initial.size()];
        for (int i = 0; i < initial.size(); i++) {
            Finding f = initial.get(i);
            Map<String, Left> byService = left.get(f.code());
            groups[i] = byService == null ? null : byService.get(f.service());
            kept[i] = groups[i] != null && groups[i].takeExact(f.message());
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < initial.size(); i++) {
            if (!kept[i] && (groups[i] == null || !groups[i].takeAny())) {
                out.add(initial.get(i));
            }
        }
        return out;
    }

    /**
     * The remaining findings of one rule and service not yet matched to a first-pass finding: how many, and
     * their messages (a list while few, counts by message once there are many).
     */
    private static final class Left {
        private static final int FEW = 16;
        private int count;
        private final List<String> few = new ArrayList<>(2);
        private Map<String, Integer> many;

        void add(String message) {
            count++;
            if (many == null && few.size() < FEW) {
                few.add(message);
                return;
            }
            if (many == null) {
                many = new HashMap<>();
                for (String m : few) {
                    count(m);
                }
                few.clear();
            }
            count(message);
        }

        /** One more of {@code message} in {@link #many}. */
        private void count(String message) {
            Integer n = many.get(message);
            many.put(message, n == null ? 1 : n + 1);
        }

        /** Takes one with this message, if one is left. */
        boolean takeExact(String message) {
            if (many == null) {
                for (int i = 0; i < few.size(); i++) {
                    String m = few.get(i);
                    if (java.util.Objects.equals(m, message)) {
                        few.remove(i);
                        count--;
                        return true;
                    }
                }
                return false;
            }
            Integer n = many.get(message);
            if (n == null) {
                return false;
            }
            if (n == 1) {
                many.remove(message);
            } else {
                many.put(message, n - 1);
            }
            count--;
            return true;
        }

        /** Takes one whatever its message, if one is left (what remains of exact matches no longer matters). */
        boolean takeAny() {
            if (count == 0) {
                return false;
            }
            count--;
            return true;
        }
    }

    private static String rules(List<Finding> findings) {
        Set<String> names = new LinkedHashSet<>();
        for (Finding f : findings) {
            names.add(f.rule());
        }
        return String.join(", ", names);
    }
}
