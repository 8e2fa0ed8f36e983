package dev.composefix.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Severity;
import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.fix.TextEdit;
import dev.composefix.model.Variables;
import dev.composefix.testing.TestLinters;
import dev.composefix.yaml.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a pass chooses a fix that carries another rule's work ({@link Fix#carrying}): whole when it
 * meets nothing taken before it; its own part alone when only the carried edits meet a fix taken
 * before it; not at all when its own part meets one too.
 */
class CarryingChoiceTest {

    private static Finding finding(String code, int at, Fix fix) {
        Position p = new Position(1, at + 1, at);
        return new Finding(code, code, Severity.WARNING, "compose.yml", p, p, "svc", "m", fix);
    }

    private static Fix insert(String title, int at) {
        return new Fix(title, FixSafety.SAFE, List.of(TextEdit.insert(at, title + "\n")), List.of("services.svc." + title));
    }

    /** A plan that leads its pass (as the memory plan does): taken before the other fixes. */
    private static Fix leading(String title, int at) {
        return new Fix(title, FixSafety.SAFE, List.of(TextEdit.insert(at, title + "\n")), List.of("services.svc." + title),
                true, java.util.Set.of(), null, true);
    }

    private static List<Finding> choose(Finding... findings) {
        return new Rewriter(TestLinters.allRules(), Variables.NONE, false).choose(List.of(findings));
    }

    @Test
    void aCarryingFixWhoseCarriedEditMeetsAnEarlierFixGoesAlone() {
        Fix earlier = leading("earlier", 50);
        Fix own = insert("own", 10);
        Fix whole = Fix.combine("own and carried", List.of(own, insert("carried", 50))).carrying(own);
        List<Finding> chosen = choose(finding("CF001", 0, earlier), finding("CF002", 10, whole));
        assertEquals(2, chosen.size());
        assertSame(earlier, chosen.get(0).fix());
        assertSame(own, chosen.get(1).fix(), "the carried edit waits; the fix's own part does not");
        assertEquals("CF002", chosen.get(1).code());
    }

    @Test
    void aCarryingFixThatMeetsNothingGoesWhole() {
        Fix own = insert("own", 10);
        Fix whole = Fix.combine("own and carried", List.of(own, insert("carried", 50))).carrying(own);
        List<Finding> chosen = choose(finding("CF001", 0, leading("elsewhere", 30)), finding("CF002", 10, whole));
        assertSame(whole, chosen.get(1).fix());
    }

    @Test
    void aCarryingFixWhoseOwnPartMeetsAnEarlierFixWaits() {
        Fix own = insert("own", 10);
        Fix whole = Fix.combine("own and carried", List.of(own, insert("carried", 50))).carrying(own);
        List<Finding> chosen = choose(finding("CF001", 0, leading("earlier", 10)), finding("CF002", 10, whole));
        assertEquals(List.of("CF001"), chosen.stream().map(Finding::code).toList());
    }
}
