package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.cli.LintRun;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.fix.FixSafety;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.rewrite.RewriteResult;
import dev.composefix.rewrite.Rewriter;
import dev.composefix.rewrite.ScriptRewriter;
import dev.composefix.script.ScriptLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unsafe fixes' goldens: for every fixture case whose rules include one with an unsafe fix,
 * {@code expected.unsafe-rewritten.yaml} holds the exact bytes of {@code rewrite --unsafe-fixes} (absent
 * when it changes nothing), and rewriting that again changes nothing. {@code RuleFixtureTest} pins the
 * default rewrite, which leaves unsafe fixes alone. {@code -Dcomposefix.updateFixtures=true} writes the
 * goldens, to be read by eye before committing.
 */
class UnsafeFixtureTest {

    static final String UNSAFE_REWRITTEN = "expected.unsafe-rewritten.yaml";

    static Stream<RuleFixtures.Case> cases() {
        return RuleFixtures.all().stream().filter(c -> c.rules().stream().anyMatch(r -> {
            RuleMetadata m = Rules.catalog().find(r);
            return m != null && m.fix() == FixSafety.UNSAFE;
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unsafeRewriteMatchesGolden(RuleFixtures.Case c) throws Exception {
        if (c.script().isPresent()) {
            scriptRewriteMatchesGolden(c);
            return;
        }
        Path input = c.input();
        LintRun run = new LintRun(Rules.catalog(),
                new LintRun.Options(null, c.rules(), List.of(), null, true, null), Map.of());
        ComposeFile file = new ComposeLoader().load(input.getFileName().toString(), Files.readAllBytes(input),
                Variables.NONE);
        Variables vars = run.variables(input);
        RewriteResult r = new Rewriter(run.linter(run.configFor(input), input), vars, true)
                .rewrite(input.getFileName().toString(), file);
        Path golden = c.dir().resolve(UNSAFE_REWRITTEN);
        if (!matchesGolden(c, r, golden)) {
            return;
        }
        ComposeFile again = new ComposeLoader().load("again", r.text(), vars);
        assertFalse(new Rewriter(run.linter(run.configFor(input), input), vars, true).rewrite("again", again).changed(),
                c + ": the unsafe rewrite is not idempotent");
    }

    /**
     * Compares the unsafe rewrite with its golden (or writes the golden under
     * {@code -Dcomposefix.updateFixtures=true}); true when the rewrite changed the file and matched, so
     * the caller goes on to its further checks.
     */
    private static boolean matchesGolden(RuleFixtures.Case c, RewriteResult r, Path golden) throws Exception {
        byte[] out = ((r.bom() ? "\uFEFF" : "") + r.text()).getBytes(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("composefix.updateFixtures")) {
            if (r.changed()) {
                Files.write(golden, out);
            } else {
                Files.deleteIfExists(golden);
            }
            return false;
        }
        if (!r.changed()) {
            assertFalse(Files.exists(golden), c + ": the unsafe rewrite changes nothing, but a golden exists");
            return false;
        }
        assertTrue(Files.exists(golden), c + ": the unsafe rewrite changes the file; add " + golden
                + " (mvn test -Dcomposefix.updateFixtures=true, then read it)");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), new String(out, StandardCharsets.UTF_8),
                () -> c + ": the unsafe rewrite differs from " + golden);
        return true;
    }

    /**
     * A script case: the unsafe rewrite (verified by {@link ScriptRewriter}: the text loads, exactly the fixed
     * findings are gone) matches {@code expected.unsafe-rewritten.NAME} byte for byte, leaves no fixable finding,
     * and rewriting the result changes nothing.
     */
    private static void scriptRewriteMatchesGolden(RuleFixtures.Case c) throws Exception {
        dev.composefix.cli.ScriptInput in = c.scriptInput();
        Path path = in.input().path();
        LintRun run = new LintRun(Rules.catalog(),
                new LintRun.Options(null, c.rules(), List.of(), null, true, null), Map.of());
        ScriptRewriter rewriter = new ScriptRewriter(run.linter(run.configFor(path), path), true);
        RewriteResult r = rewriter.rewrite(ScriptLoader.load(in.input().display(), in.kind(), in.input().bytes()));
        Path golden = c.unsafeRewrittenScript();
        if (!matchesGolden(c, r, golden)) {
            return;
        }
        assertTrue(r.remaining().stream().noneMatch(f -> f.fix() != null), c + ": a fixable finding is left");
        RewriteResult again = rewriter.rewrite(ScriptLoader.load(in.input().display(), in.kind(), r.text(), r.bom()));
        assertFalse(again.changed(), c + ": the unsafe rewrite is not idempotent");
    }
}
