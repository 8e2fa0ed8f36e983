package dev.composefix.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.engine.Linter;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.testing.ComposeStackGenerator;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.SharedData;
import dev.composefix.testing.TestLinters;
import dev.composefix.yaml.YamlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The memory limit's fix carries the CPU limit and the PostgreSQL, Redis and Node.js settings for the
 * limit it adds (so a rewrite needs no pass of their own after it). What it carries must be what
 * those rules give once the limits are in the file: a rewrite in one go reaches the same tree as a
 * rewrite that first adds the limits alone (only missing-memory-limit and missing-cpu-limit run, so
 * nothing is carried but the CPU limit) and then rewrites that result with every rule.
 */
class CarriedTuningTest {

    private static final Set<String> LIMITS = Set.of("CF101", "CF102");

    static Stream<Long> seeds() {
        return Seeds.of(11L, 400);
    }

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> s = Files.walk(SharedData.corpus())) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedStacks(long seed) throws Exception {
        String text = ComposeStackGenerator.generate(seed);
        assertSameTree("generated.yaml", text, Seeds.replay(seed) + "\ninput:\n" + text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFiles(Path path) throws Exception {
        assertSameTree(path.toString(), Files.readString(path), path.toString());
    }

    @Test
    void theStacksThatCarryTuningAreCovered() throws Exception {
        // The comparison means something only where tuning is carried: a stack of each server kind.
        String stack = "services:\n  db:\n    image: postgres:16\n    deploy: {}\n  cache:\n    image: redis:7\n"
                + "  ui:\n    image: node:22\n    environment:\n      NODE_OPTIONS: --max-old-space-size=4096\n";
        RewriteResult once = assertSameTree("compose.yml", stack, stack);
        assertTrue(once.text().contains("-c shared_buffers=") && once.text().contains("--maxmemory ")
                && once.text().contains("--max-old-space-size=384"), once.text());
        assertEquals(2, once.passes(), once.text());
    }

    private static RewriteResult assertSameTree(String name, String text, String context) throws Exception {
        ComposeFile file;
        try {
            file = new ComposeLoader().load(name, text, Variables.NONE);
        } catch (YamlException e) {
            return null; // not a compose file the rules see
        }
        Linter all = TestLinters.allRules();
        RewriteResult once;
        RewriteResult limitsFirst;
        try {
            once = new Rewriter(all, Variables.NONE, false).rewrite(name, file);
            limitsFirst = new Rewriter(TestLinters.rules(m -> LIMITS.contains(m.code())), Variables.NONE, false)
                    .rewrite(name, file);
        } catch (RewriteFailure e) {
            return null; // a rewrite refused: RewritePropertyTest holds what that may be
        }
        RewriteResult then = new Rewriter(all, Variables.NONE, false).rewrite(name,
                new ComposeLoader().load(name, limitsFirst.text(), Variables.NONE));
        List<String> differences = TreeDiff.differences(
                new ComposeLoader().load(name, once.text(), Variables.NONE).document().root(),
                new ComposeLoader().load(name, then.text(), Variables.NONE).document().root());
        assertEquals(List.of(), differences, () -> context + "\nin one go:\n" + once.text() + "\nlimits first:\n"
                + then.text());
        return once;
    }
}
