package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.cli.Input;
import dev.composefix.cli.LintRun;
import dev.composefix.cli.ScriptInput;
import dev.composefix.rewrite.ScriptRewriter;
import dev.composefix.script.ScriptLoader;
import dev.composefix.engine.Finding;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Variables;
import dev.composefix.project.ProjectException;
import dev.composefix.rewrite.Reloader;
import dev.composefix.rewrite.RewriteResult;
import dev.composefix.rewrite.Rewriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every rule fixture and compares the findings exactly: position, code, severity, service and
 * message, both ways (a missing and an unexpected finding both fail). With
 * {@code -Dcomposefix.updateFixtures=true} it writes expected.txt instead, to be read by eye before
 * committing.
 */
class RuleFixtureTest {

    static Stream<RuleFixtures.Case> cases() {
        return RuleFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingsMatchExpected(RuleFixtures.Case c) throws Exception {
        LintRun run = new LintRun(Rules.catalog(),
                new LintRun.Options(null, c.rules(), List.of(), null, true, null), Map.of());
        LintRun.Outcome outcome;
        if (c.script().isPresent()) {
            outcome = run.run(List.of(), List.of(c.scriptInput()));
        } else {
            Path input = c.input();
            outcome = run.run(List.of(new Input(input.getFileName().toString(), input, Files.readAllBytes(input))));
        }
        assertTrue(outcome.failures().isEmpty(), () -> "internal failures: " + outcome.failures());
        List<String> actual = new ArrayList<>();
        for (Finding f : outcome.report().findings()) {
            actual.add(RuleFixtures.line(f));
        }
        if (Boolean.getBoolean("composefix.updateFixtures")) {
            List<String> header = new ArrayList<>();
            for (String l : Files.readAllLines(c.expected(), StandardCharsets.UTF_8)) {
                if (l.startsWith("#")) {
                    header.add(l);
                }
            }
            header.addAll(actual);
            Files.write(c.expected(), header, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(String.join("\n", c.expectedLines()), String.join("\n", actual),
                () -> c + ": findings differ from " + c.expected());
    }

    private static ComposeFile reload(LintRun run, List<Input> project, Map<String, String> texts)
            throws Reloader.Failure {
        try {
            return run.load(project, texts);
        } catch (ProjectException e) {
            throw new Reloader.Failure(e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rewriteMatchesGolden(RuleFixtures.Case c) throws Exception {
        if (c.script().isPresent()) {
            // Scripts only have unsafe fixes (UnsafeFixtureTest pins them): the default rewrite changes nothing.
            ScriptInput in = c.scriptInput();
            LintRun run = new LintRun(Rules.catalog(),
                    new LintRun.Options(null, c.rules(), List.of(), null, true, null), Map.of());
            RewriteResult r = new ScriptRewriter(run.linter(run.configFor(in.input().path()), in.input().path()),
                    false).rewrite(ScriptLoader.load(in.input().display(), in.kind(), in.input().bytes()));
            assertFalse(r.changed(), c + ": the default rewrite of a script changed it");
            assertFalse(Files.exists(c.rewritten()), c + ": a script case has no " + c.rewritten());
            return;
        }
        Path input = c.input();
        LintRun run = new LintRun(Rules.catalog(),
                new LintRun.Options(null, c.rules(), List.of(), null, true, null), Map.of());
        byte[] bytes = Files.readAllBytes(input);
        List<Input> project = List.of(new Input(input.getFileName().toString(), input, bytes));
        ComposeFile file;
        try {
            file = run.load(project);
        } catch (ProjectException e) {
            assertFalse(Files.exists(c.rewritten()), c + ": an input that does not load has no rewrite");
            return;
        }
        Variables vars = run.variables(input);
        RewriteResult r = new Rewriter(run.linter(run.configFor(input), input), vars, false)
                .rewrite(file, texts -> reload(run, project, texts));
        byte[] out = ((r.bom() ? "\uFEFF" : "") + r.text()).getBytes(StandardCharsets.UTF_8);
        List<String> remaining = new ArrayList<>();
        for (Finding f : r.remaining()) {
            remaining.add(RuleFixtures.line(f));
        }
        Path after = c.dir().resolve(RuleFixtures.AFTER_REWRITE);
        if (Boolean.getBoolean("composefix.updateFixtures")) {
            if (r.changed()) {
                Files.write(c.rewritten(), out);
            } else {
                Files.deleteIfExists(c.rewritten());
            }
            if (r.changed() && !remaining.isEmpty()) {
                Files.write(after, remaining, StandardCharsets.UTF_8);
            } else {
                Files.deleteIfExists(after);
            }
            return;
        }
        if (r.changed()) {
            List<String> expectedAfter = Files.exists(after) ? Files.readAllLines(after, StandardCharsets.UTF_8)
                    : List.of();
            assertEquals(String.join("\n", expectedAfter), String.join("\n", remaining),
                    () -> c + ": findings left after the rewrite differ from " + after);
        }
        if (!r.changed()) {
            assertFalse(Files.exists(c.rewritten()), c + ": rewrite changes nothing, but a golden exists");
            return;
        }
        assertTrue(Files.exists(c.rewritten()), c + ": rewrite changes the file; add " + c.rewritten()
                + " (mvn test -Dcomposefix.updateFixtures=true, then read it)");
        assertEquals(new String(Files.readAllBytes(c.rewritten()), StandardCharsets.UTF_8),
                new String(out, StandardCharsets.UTF_8), () -> c + ": rewrite differs from " + c.rewritten());
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        r.files().forEach((f, t) -> texts.put(f, t.text()));
        ComposeFile again = run.load(project, texts);
        RewriteResult second = new Rewriter(run.linter(run.configFor(input), input), vars, false)
                .rewrite(again, more -> reload(run, project, more));
        assertFalse(second.changed(), c + ": the rewrite is not idempotent");
    }
}
