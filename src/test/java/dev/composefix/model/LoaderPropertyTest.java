package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.composefix.engine.ActiveRule;
import dev.composefix.engine.LintResult;
import dev.composefix.engine.Linter;
import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleOptions;
import dev.composefix.rules.Rules;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.YamlishText;
import dev.composefix.yaml.YamlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for any text, loading gives a compose model or a parse error, never another exception;
 * and every rule runs on any model that loads without an internal failure.
 */
class LoaderPropertyTest {

    static Stream<Long> seeds() {
        return Seeds.of(20261122L, 3000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void loadGivesAModelOrAParseError(long seed) {
        for (byte[] input : List.of(YamlishText.generate(seed).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                YamlishText.bytes(seed))) {
            ComposeFile file;
            try {
                file = new ComposeLoader().load("generated.yaml", input, Variables.NONE);
            } catch (YamlException e) {
                assertTrue(e.position() != null && e.position().line() >= 1, () -> "no position, " + Seeds.replay(seed));
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                fail("loader threw " + e + " for " + Seeds.replay(seed), e);
                return;
            }
            LintResult result = linter().lint(file);
            assertTrue(result.failures().isEmpty(), () -> "rule failed: " + result.failures() + " for "
                    + Seeds.replay(seed));
        }
    }

    private static Linter linter() {
        RuleCatalog catalog = Rules.catalog();
        List<ActiveRule> active = new ArrayList<>();
        for (Rule r : catalog.rules()) {
            active.add(new ActiveRule(r, catalog.metadata(r), null, new RuleOptions(catalog.metadata(r), Map.of())));
        }
        return new Linter(catalog, active, f -> false);
    }
}
