package dev.composefix.rewrite;

import dev.composefix.engine.Finding;
import dev.composefix.engine.LintResult;
import dev.composefix.engine.Linter;
import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.fix.TextEdit;
import dev.composefix.script.ScriptException;
import dev.composefix.script.ScriptFile;
import dev.composefix.script.ScriptLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the fixes of a script file's findings as text edits, pass after pass until none is left (at most
 * {@link #MAX_PASSES}). Every pass is verified by reading the new text again: it must load, the findings that
 * were fixed must be gone, and no finding may appear that was not there before (findings are compared by rule
 * and message, which do not depend on positions). A pass that fails this is a bug, reported as a
 * {@link RewriteFailure}, and nothing is written.
 */
public final class ScriptRewriter {
    public static final int MAX_PASSES = 10;

    private final Linter linter;
    private final boolean unsafe;

    public ScriptRewriter(Linter linter, boolean unsafe) {
        this.linter = linter;
        this.unsafe = unsafe;
    }

    public RewriteResult rewrite(ScriptFile file) throws RewriteFailure {
        ScriptFile current = file;
        LintResult lint = linter.lint(current);
        List<Finding> fixed = new ArrayList<>();
        int passes = 0;
        while (passes < MAX_PASSES) {
            List<Finding> chosen = new ArrayList<>();
            List<TextEdit> edits = new ArrayList<>();
            List<Fix> taken = new ArrayList<>();
            for (Finding f : lint.findings()) {
                if (!applies(f)) {
                    continue;
                }
                boolean clash = false;
                for (Fix t : taken) {
                    clash |= t.conflicts(f.fix());
                }
                if (!clash) {
                    taken.add(f.fix());
                    edits.addAll(f.fix().edits());
                    chosen.add(f);
                }
            }
            if (chosen.isEmpty()) {
                break;
            }
            passes++;
            String text = Fix.apply(current.text(), edits);
            ScriptFile next;
            try {
                next = ScriptLoader.load(current.display(), current.kind(), text, current.bom());
            } catch (ScriptException e) {
                throw new RewriteFailure(rules(chosen), "the fixed text does not load: " + e.getMessage());
            }
            LintResult after = linter.lint(next);
            verify(lint.findings(), chosen, after.findings());
            fixed.addAll(chosen);
            current = next;
            lint = after;
        }
        Map<String, RewriteResult.FileText> files = new LinkedHashMap<>();
        files.put(file.display(), new RewriteResult.FileText(file.text(), current.text(), file.bom()));
        return new RewriteResult(files, fixed, lint.findings(), passes);
    }

    private boolean applies(Finding f) {
        return f.fix() != null && (f.fix().safety() == FixSafety.SAFE || (unsafe && f.fix().safety() == FixSafety.UNSAFE));
    }

    /** After a pass: exactly the fixed findings are gone, and nothing new appeared. */
    static void verify(List<Finding> before, List<Finding> fixedNow, List<Finding> after) throws RewriteFailure {
        Map<String, Integer> expected = new HashMap<>();
        for (Finding f : before) {
            expected.merge(key(f), 1, Integer::sum);
        }
        for (Finding f : fixedNow) {
            expected.merge(key(f), -1, Integer::sum);
        }
        Map<String, Integer> actual = new HashMap<>();
        for (Finding f : after) {
            actual.merge(key(f), 1, Integer::sum);
        }
        expected.values().removeIf(n -> n == 0);
        if (!expected.equals(actual)) {
            List<String> differences = new ArrayList<>();
            for (Finding f : after) {
                if (actual.getOrDefault(key(f), 0) > expected.getOrDefault(key(f), 0)) {
                    differences.add("new or not fixed: " + f.start().line() + ":" + f.start().column() + " "
                            + f.code() + " " + f.message());
                }
            }
            throw new RewriteFailure(rules(fixedNow), "the fixed text does not have the findings it should "
                    + (differences.isEmpty() ? "(a finding disappeared that was not fixed)" : differences.toString()));
        }
    }

    private static String key(Finding f) {
        return f.code() + " " + f.message();
    }

    private static String rules(List<Finding> findings) {
        return String.join(", ", findings.stream().map(Finding::rule).distinct().toList());
    }
}
