package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.composefix.engine.Finding;
import dev.composefix.engine.Linter;
import dev.composefix.fix.FixSafety;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.ComposeLoader;
import dev.composefix.model.Variables;
import dev.composefix.rewrite.RewriteFailure;
import dev.composefix.rewrite.RewriteResult;
import dev.composefix.rewrite.Rewriter;
import dev.composefix.testing.SharedData;
import dev.composefix.yaml.YamlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unsafe fixes over every corpus file (the rewrite property test applies safe fixes only): with
 * {@code --unsafe-fixes}, the rules whose fixes are unsafe rewrite the file so that it parses and
 * verifies (only the fixes' targets changed), nothing they can fix is left, every line that held only
 * a comment is still there, and rewriting again changes nothing.
 */
class UnsafeFixCorpusTest {

    static Stream<Path> corpus() throws IOException {
        return SharedData.corpusFiles();
    }

    private static Linter unsafeRules() {
        return dev.composefix.testing.TestLinters.rules(m -> m.fix() == FixSafety.UNSAFE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void unsafeFixesKeepTheFileValid(Path path) throws IOException {
        ComposeFile file;
        try {
            file = new ComposeLoader().load(path.toString(), Files.readAllBytes(path), Variables.NONE);
        } catch (YamlException e) {
            return; // not a compose file the rules see
        }
        try {
            RewriteResult first = new Rewriter(unsafeRules(), Variables.NONE, true).rewrite(path.toString(), file);
            for (Finding f : first.remaining()) {
                assertFalse(f.fixable(), () -> path + ": a fixable finding is left: " + f);
            }
            assertEquals(comments(first.original()), comments(first.text()), path + ": comment lines changed");
            ComposeFile again = new ComposeLoader().load(path.toString(), first.text(), Variables.NONE);
            assertFalse(new Rewriter(unsafeRules(), Variables.NONE, true).rewrite(path.toString(), again).changed(),
                    path + ": the unsafe rewrite is not idempotent");
        } catch (RewriteFailure | YamlException e) {
            fail(path + ": the unsafe rewrite failed: " + e.getMessage());
        }
    }

    private static List<String> comments(String text) {
        return text.lines().map(String::strip).filter(l -> l.startsWith("#")).toList();
    }
}
