package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.composefix.engine.LintResult;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.YamlishText;
import dev.composefix.yaml.YamlException;
import java.util.List;
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
            LintResult result = dev.composefix.testing.TestLinters.allRules().lint(file);
            assertTrue(result.failures().isEmpty(), () -> "rule failed: " + result.failures() + " for "
                    + Seeds.replay(seed));
        }
    }
}
