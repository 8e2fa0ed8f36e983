package dev.composefix.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.engine.Finding;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the rewrite says it fixed: only what is gone, also when a remaining finding's message changed. */
class FixedFindingsTest {

    @Test
    void aFindingWhoseMessageNamesAMovedLineIsNotFixed() throws Exception {
        // The duplicate-name finding names the line of the other service, which the new limits move.
        String text = "services:\n  z:\n    image: nginx:1.27\n  a:\n    image: nginx:1.27\n    container_name: box\n"
                + "  b:\n    image: nginx:1.27\n    container_name: box\n";
        RewriteResult r = new Rewriter(dev.composefix.testing.TestLinters.allRules(), Variables.NONE, false)
                .rewrite("f.yaml", new ComposeLoader().load("f.yaml", text, Variables.NONE));
        Map<String, Integer> fixed = new TreeMap<>();
        for (Finding f : r.fixed()) {
            fixed.merge(f.rule(), 1, Integer::sum);
        }
        assertEquals(3, fixed.get("missing-memory-limit"));
        assertEquals(3, fixed.get("missing-cpu-limit"));
        assertEquals(null, fixed.get("duplicate-container-name"), () -> "claimed fixed: " + fixed);
        long left = r.remaining().stream().filter(f -> f.rule().equals("duplicate-container-name")).count();
        assertEquals(1, left, "the finding is still there, naming another line");
    }
}
