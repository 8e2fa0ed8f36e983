package dev.composefix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Fix#planPart}: what one finding of a plan made of parts carries, combined or not. */
class PlanPartTest {

    private static final Set<String> READS = Set.of("healthcheck");

    private static Fix part(int at, String title) {
        return new Fix(title, FixSafety.SAFE, List.of(TextEdit.insert(at, "x: 1\n")), List.of("services.s" + at));
    }

    @Test
    void noPartNoFix() {
        assertNull(Fix.planPart(null, null, READS, true));
        Fix all = Fix.combine("all", List.of(part(0, "a"), part(10, "b"))).asPlan(READS);
        assertNull(Fix.planPart(all, null, READS, false));
    }

    @Test
    void combinedPlanShownAsThePart() {
        Fix a = part(0, "a");
        Fix b = part(10, "b");
        Fix all = Fix.combine("all", List.of(a, b)).asPlan(READS).leading();
        Fix shown = Fix.planPart(all, b, READS, true);
        assertEquals("b", shown.title());
        assertEquals(2, shown.edits().size(), "a rewrite applies the whole plan");
        assertEquals(b.edits(), shown.shownEdits(), "a report shows the part's edits");
        assertTrue(shown.plan());
        assertTrue(shown.leads());
        assertEquals(READS, shown.reads());
    }

    @Test
    void partAloneIsAPlanOfItsOwnLeadingOnlyWhenAsked() {
        Fix a = part(0, "a");
        Fix leading = Fix.planPart(null, a, READS, true);
        assertEquals("a", leading.title());
        assertEquals(a.edits(), leading.edits());
        assertTrue(leading.plan());
        assertTrue(leading.leads());
        assertEquals(READS, leading.reads());
        Fix trailing = Fix.planPart(null, a, READS, false);
        assertTrue(trailing.plan());
        assertFalse(trailing.leads());
    }
}
