package dev.composefix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.fix.FixSafety;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.testing.TestLinters;
import dev.composefix.yaml.YamlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A lint done in parts (the rules that fix first, as a rewrite pass does, then the others) finds what
 * one lint finds, on every fixture compose file: suppressions included, and the late rules that judge them.
 */
class LintSessionTest {

    static Stream<Path> fixtures() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("fixtures"))) {
            return s.filter(p -> p.getFileName().toString().matches("compose\\.ya?ml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void partsFindWhatOneLintFinds(Path path) throws Exception {
        ComposeFile file;
        try {
            file = new ComposeLoader().load(path.toString(), Files.readAllBytes(path), Variables.NONE);
        } catch (YamlException e) {
            return; // the parse-error fixtures
        }
        Linter linter = TestLinters.allRules();
        LintResult whole = linter.lint(file);
        Linter.Session parts = linter.session(file);
        List<Finding> first = parts.run(m -> m.fix() == FixSafety.SAFE);
        LintResult rest = parts.finish();
        assertEquals(whole.findings(), rest.findings(), path.toString());
        assertEquals(whole.failures().size(), rest.failures().size(), path.toString());
        assertTrue(rest.findings().containsAll(first));
    }
}
