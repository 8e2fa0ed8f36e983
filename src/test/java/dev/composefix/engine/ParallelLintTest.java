package dev.composefix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.rewrite.RewriteResult;
import dev.composefix.rewrite.Rewriter;
import dev.composefix.testing.ComposeStackGenerator;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.TestLinters;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A big file's rules run in parallel (each thread taking the next rule, the slowest first once they
 * have been timed); the findings, their fixes and the rewrite must be exactly those of running the
 * rules one after another (seeded stacks of 200 to 500 services).
 */
class ParallelLintTest {

    static Stream<Long> seeds() {
        return Seeds.of(77L, 12);
    }

    private static Linter linter(boolean parallel) {
        Linter linter = TestLinters.allRules();
        linter.parallelFrom(parallel ? 1 : Integer.MAX_VALUE);
        return linter;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parallelRulesFindWhatSerialRulesFind(long seed) throws Exception {
        int services = Linter.PARALLEL_SERVICES + (int) Math.floorMod(seed * 7919, 300L);
        String text = ComposeStackGenerator.generate(seed, services);
        ComposeFile file = new ComposeLoader().load("big.yaml", text, Variables.NONE);
        assertTrue(file.serviceCount() >= Linter.PARALLEL_SERVICES, "the stack is big enough to go parallel");
        LintResult serial = linter(false).lint(file);
        Linter parallelLinter = linter(true);
        LintResult parallel = parallelLinter.lint(file);
        // Once a linter has timed its rules on a big file, it runs the slowest first: the same findings.
        assertEquals(parallel.findings(), parallelLinter.lint(file).findings(), () -> Seeds.replay(seed));
        assertTrue(serial.failures().isEmpty(), () -> "internal failures: " + serial.failures() + " " + Seeds.replay(seed));
        assertTrue(parallel.failures().isEmpty(), () -> "internal failures: " + parallel.failures() + " " + Seeds.replay(seed));
        assertTrue(serial.findings().size() > services, "a generated stack has several findings per service");
        assertEquals(serial.findings(), parallel.findings(), () -> Seeds.replay(seed));

        RewriteResult one = new Rewriter(linter(false), Variables.NONE, false).rewrite("big.yaml", file);
        RewriteResult two = new Rewriter(linter(true), Variables.NONE, false).rewrite("big.yaml", file);
        assertTrue(one.changed());
        assertEquals(one.text(), two.text(), () -> Seeds.replay(seed));
        assertEquals(one.remaining(), two.remaining(), () -> Seeds.replay(seed));
    }
}
