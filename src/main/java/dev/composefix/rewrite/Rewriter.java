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
import dev.composefix.yaml.YamlException;
import java.util.ArrayList;
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

    public Rewriter(Linter linter, Variables variables, boolean unsafe) {
        this.linter = linter;
        this.variables = variables;
        this.unsafe = unsafe;
    }

    /**
     * Rewrites {@code original}, which must already have loaded without a parse error.
     *
     * @throws YamlException when the input itself does not parse (the user's problem, not a bug)
     */
    public RewriteResult rewrite(String path, ComposeFile original) throws RewriteFailure, YamlException {
        ComposeLoader loader = new ComposeLoader();
        String text = original.document().text();
        boolean bom = original.document().bom();
        ComposeFile file = original;
        Set<String> seen = new HashSet<>();
        seen.add(text);
        List<Finding> initial = null;
        for (int pass = 1; ; pass++) {
            LintResult result = linter.lint(file);
            if (!result.failures().isEmpty()) {
                throw new RewriteFailure(result.failures().get(0).rule(), result.failures().get(0).message());
            }
            if (initial == null) {
                initial = result.findings();
            }
            List<Finding> chosen = choose(result.findings());
            if (chosen.isEmpty()) {
                List<Finding> remaining = new ArrayList<>(result.findings());
                return new RewriteResult(original.document().text(), text, bom, gone(initial, remaining), remaining,
                        pass);
            }
            if (pass > MAX_PASSES) {
                throw new RewriteFailure(rules(chosen), "fixes still pending after " + MAX_PASSES + " passes: "
                        + rules(chosen) + " keep finding something to change");
            }
            String next = apply(text, chosen);
            if (!seen.add(next)) {
                throw new RewriteFailure(rules(chosen), "the fixes of " + rules(chosen)
                        + " undo each other (the rewrite went back to a text it had already produced)");
            }
            ComposeFile nextFile = verify(path, loader, file, text, next, chosen);
            text = next;
            file = nextFile;
        }
    }

    /** Fixes that may be applied, in text order, skipping any that conflict with one taken before it. */
    private List<Finding> choose(List<Finding> findings) {
        List<Finding> candidates = new ArrayList<>();
        for (Finding f : findings) {
            Fix fix = f.fix();
            if (fix != null && (fix.safety() == FixSafety.SAFE || (unsafe && fix.safety() == FixSafety.UNSAFE))) {
                candidates.add(f);
            }
        }
        candidates.sort((a, b) -> Integer.compare(a.fix().start(), b.fix().start()));
        List<Finding> chosen = new ArrayList<>();
        for (Finding c : candidates) {
            boolean ok = true;
            for (Finding taken : chosen) {
                if (c.fix().conflicts(taken.fix())) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    private static String apply(String text, List<Finding> chosen) {
        List<TextEdit> edits = new ArrayList<>();
        for (Finding f : chosen) {
            edits.addAll(f.fix().edits());
        }
        return Fix.apply(text, edits);
    }

    /** Parses the new text and checks that only the fixes' targets changed; names the culprit if not. */
    private ComposeFile verify(String path, ComposeLoader loader, ComposeFile before, String text, String next,
            List<Finding> chosen) throws RewriteFailure {
        String problem = problem(path, loader, before, next, chosen);
        if (problem == null) {
            try {
                return loader.load(path, next, variables);
            } catch (YamlException e) {
                throw new IllegalStateException(e); // verified just above
            }
        }
        if (chosen.size() > 1) {
            for (Finding f : chosen) {
                String alone = problem(path, loader, before, apply(text, List.of(f)), List.of(f));
                if (alone != null) {
                    throw new RewriteFailure(f.rule(), "the fix of " + f.rule() + " (" + f.fix().title() + ") "
                            + alone);
                }
            }
        }
        throw new RewriteFailure(rules(chosen), "the fixes of " + rules(chosen) + " " + problem);
    }

    private String problem(String path, ComposeLoader loader, ComposeFile before, String next, List<Finding> fixes) {
        ComposeFile after;
        try {
            after = loader.load(path, next, variables);
        } catch (YamlException e) {
            return "produced text that does not parse: " + e.getMessage() + " at " + e.position();
        }
        List<String> targets = new ArrayList<>();
        for (Finding f : fixes) {
            targets.addAll(f.fix().targets());
        }
        for (String d : TreeDiff.differences(before.document().root(), after.document().root())) {
            boolean aimed = false;
            for (String t : targets) {
                aimed |= TreeDiff.covers(t, d);
            }
            if (!aimed) {
                return "changed " + d + ", which it did not aim at";
            }
        }
        return null;
    }

    /**
     * The findings of the first pass that the end result no longer has (fixed directly, or as a side
     * effect of another fix), matched by rule, service and message since positions move.
     */
    private static List<Finding> gone(List<Finding> initial, List<Finding> remaining) {
        java.util.Map<String, Integer> left = new java.util.HashMap<>();
        for (Finding f : remaining) {
            left.merge(key(f), 1, Integer::sum);
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : initial) {
            Integer n = left.get(key(f));
            if (n != null && n > 0) {
                left.put(key(f), n - 1);
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static String key(Finding f) {
        return f.code() + "\u0000" + f.service() + "\u0000" + f.message();
    }

    private static String rules(List<Finding> findings) {
        Set<String> names = new LinkedHashSet<>();
        for (Finding f : findings) {
            names.add(f.rule());
        }
        return String.join(", ", names);
    }
}
