package dev.composefix.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Linter;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.testing.TestLinters;
import dev.composefix.yaml.YComment;
import dev.composefix.yaml.YamlException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariants every rewrite keeps, checked on one input: the result parses and verifies (the
 * fix loop checks that only targeted paths changed), rewriting it again changes nothing, every
 * comment survives, line endings, the final line break and the byte-order mark are kept, and no
 * fixable finding is left.
 */
final class RewriteInvariants {

    /**
     * The only places any fix may change, checked independently of the targets the fixes declare:
     * the version key, and a service's limits, reservations, health check, dependencies, restart policy,
     * stop grace period, logging options, (bound to loopback) published ports and environment (heap
     * options).
     */
    private static final java.util.regex.Pattern REWRITABLE = java.util.regex.Pattern.compile(
            "version|services(\\.[A-Za-z0-9_-]+|\\[\"(?:[^\"\\\\]|\\\\.)*\"\\])"
                    + "(\\.(deploy|mem_limit|mem_reservation|cpus|healthcheck|depends_on|restart|stop_grace_period|logging|ports|command|shm_size|environment)([.\\[].*)?)?");

    private RewriteInvariants() {
    }

    /** Checks the invariants; returns the result, or null when the input does not parse (nothing to check). */
    static RewriteResult check(String name, byte[] input, String replay) {
        Linter linter = TestLinters.allRules();
        ComposeFile file;
        try {
            file = new ComposeLoader().load(name, input, Variables.NONE);
        } catch (YamlException e) {
            return null;
        }
        RewriteResult first;
        RewriteResult second;
        try {
            first = new Rewriter(linter, Variables.NONE, false).rewrite(name, file);
            ComposeFile again = new ComposeLoader().load(name, first.text(), Variables.NONE);
            second = new Rewriter(linter, Variables.NONE, false).rewrite(name, again);
        } catch (RewriteFailure e) {
            fail(name + ": rewrite failed in " + e.rule() + ": " + e.getMessage() + " " + replay);
            return null;
        } catch (YamlException e) {
            fail(name + ": rewritten text does not parse: " + e.getMessage() + " " + replay);
            return null;
        }
        try {
            ComposeFile out = new ComposeLoader().load(name, first.text(), Variables.NONE);
            for (String d : TreeDiff.differences(file.document().root(), out.document().root())) {
                assertTrue(REWRITABLE.matcher(d).matches(), () -> name + ": rewrite changed " + d
                        + ", which no fix may touch " + replay);
            }
        } catch (YamlException e) {
            fail(e);
        }
        assertFalse(second.changed(), () -> name + ": not idempotent; second pass diff:\n"
                + UnifiedDiff.of(name, first.text(), second.text()) + replay);
        try {
            // Taking fewer fixes per pass (plans last, one insertion per point) ends in the same tree.
            RewriteResult serial = new Rewriter(linter, Variables.NONE, false, true).rewrite(name, file);
            List<String> apart = TreeDiff.differences(
                    new ComposeLoader().load(name, serial.text(), Variables.NONE).document().root(),
                    new ComposeLoader().load(name, first.text(), Variables.NONE).document().root());
            assertTrue(apart.isEmpty(), () -> name + ": the serial rewrite differs at " + apart + ":\n"
                    + UnifiedDiff.of(name, serial.text(), first.text()) + replay);
            assertTrue(first.passes() <= serial.passes(), () -> name + ": " + first.passes()
                    + " passes, serially " + serial.passes() + replay);
        } catch (RewriteFailure | YamlException e) {
            fail(name + ": the serial rewrite failed: " + e.getMessage() + " " + replay);
        }
        String before = first.original();
        String after = first.text();
        Map<String, Integer> comments = new HashMap<>();
        for (YComment c : file.document().comments()) {
            if (c.ownLine()) {
                comments.merge(c.text(), 1, Integer::sum); // every comment line survives
            }
        }
        try {
            for (YComment c : new ComposeLoader().load(name, after, Variables.NONE).document().comments()) {
                if (c.ownLine()) {
                    comments.merge(c.text(), -1, Integer::sum);
                }
            }
        } catch (YamlException e) {
            fail(e);
        }
        comments.values().removeIf(v -> v <= 0);
        assertTrue(comments.isEmpty(), () -> name + ": comments lost: " + comments.keySet() + " " + replay);
        boolean crlf = before.contains("\r\n") && before.replace("\r\n", "").indexOf('\n') < 0;
        if (crlf) {
            assertEquals(-1, after.replace("\r\n", "").indexOf('\n'), () -> name + ": a bare LF in CRLF output " + replay);
        }
        assertEquals(before.endsWith("\n"), after.endsWith("\n"), () -> name + ": final line break changed " + replay);
        assertEquals(file.document().bom(), first.bom());
        for (Finding f : second.remaining()) {
            assertFalse(f.fixable() && f.fix().safety() == dev.composefix.fix.FixSafety.SAFE,
                    () -> name + ": a fixable finding is left: " + f + " " + replay);
        }
        return first;
    }
}
