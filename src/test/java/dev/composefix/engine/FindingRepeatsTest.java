package dev.composefix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.composefix.yaml.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Finding#withoutRepeats}: what two projects reading one file both found is reported once. */
class FindingRepeatsTest {

    private static Finding finding(String file, int line, int column, String code, Severity severity, int endColumn,
            String service, String message) {
        return new Finding(code, "rule-" + code, severity, file, new Position(line, column, 0),
                new Position(line, endColumn, 0), service, message, null);
    }

    private static Finding of(String code, Severity severity) {
        return finding("shared.yml", 2, 3, code, severity, 6, "web", "service 'web' has no " + code);
    }

    @Test
    void aListWithoutRepeatsIsReturnedAsItIs() {
        List<Finding> sorted = new ArrayList<>(List.of(of("CF101", Severity.WARNING), of("CF102", Severity.WARNING)));
        assertSame(sorted, Finding.withoutRepeats(sorted));
        assertSame(List.<Finding>of(), Finding.withoutRepeats(List.of()));
    }

    @Test
    void aRepeatIsDroppedAndTheFirstKept() {
        Finding first = of("CF101", Severity.WARNING);
        Finding again = of("CF101", Severity.WARNING);
        Finding other = of("CF102", Severity.INFO);
        List<Finding> out = Finding.withoutRepeats(List.of(first, again, other));
        assertEquals(2, out.size());
        assertSame(first, out.get(0));
        assertSame(other, out.get(1));
    }

    @Test
    void findingsThatDifferInSeverityOrEndAreEachKept() {
        // Sorted alike (file, line, column, code, service, message), one project's config raising the
        // severity, another's tree ending the node elsewhere: each says something the other does not.
        Finding warning = of("CF101", Severity.WARNING);
        Finding error = of("CF101", Severity.ERROR);
        Finding longer = finding("shared.yml", 2, 3, "CF101", Severity.WARNING, 9, "web", "service 'web' has no CF101");
        Finding warningAgain = of("CF101", Severity.WARNING);
        Finding errorAgain = of("CF101", Severity.ERROR);
        // As the stable sort leaves two projects' findings: the first project's, then the second's.
        List<Finding> out = Finding.withoutRepeats(List.of(warning, error, longer, warningAgain, errorAgain));
        assertEquals(List.of(warning, error, longer), out);
        assertSame(warning, out.get(0));
        assertSame(error, out.get(1));
    }

    /**
     * Generated lists, replayable by seed: the result is the input in order less every finding equal (as a
     * record, fix aside) to one before it, whatever the mix of places, codes, services, severities and ends.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void generatedListsLoseExactlyTheirRepeats(long seed) {
        Random random = new Random(seed);
        List<Finding> sorted = new ArrayList<>();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            if (i > 0 && random.nextInt(4) == 0) {
                // Another project's finding of the same thing: an equal record, not the same object.
                Finding f = sorted.get(random.nextInt(i));
                sorted.add(new Finding(f.code(), f.rule(), f.severity(), f.file(), f.start(), f.end(), f.service(),
                        f.message(), null));
                continue;
            }
            sorted.add(finding(random.nextBoolean() ? "a.yml" : "b.yml", 1 + random.nextInt(3), 1 + random.nextInt(2),
                    "CF10" + random.nextInt(3), Severity.values()[random.nextInt(Severity.values().length)],
                    5 + random.nextInt(2), random.nextInt(4) == 0 ? null : "s" + random.nextInt(2),
                    "m" + random.nextInt(2)));
        }
        sorted.sort(Finding.ORDER);
        List<Finding> expected = new ArrayList<>();
        for (Finding f : sorted) {
            if (!expected.contains(f)) { // records: equal in every component (no fix here)
                expected.add(f);
            }
        }
        assertEquals(expected, Finding.withoutRepeats(sorted), "seed " + seed);
    }
}
