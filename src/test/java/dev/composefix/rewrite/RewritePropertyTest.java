package dev.composefix.rewrite;

import dev.composefix.testing.ComposeStackGenerator;
import dev.composefix.testing.Seeds;
import dev.composefix.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rewrite invariants over generated stacks (seeded) and over every file of the shared corpus. */
class RewritePropertyTest {

    static Stream<Long> seeds() {
        return Seeds.of(4L, 1500);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedStacks(long seed) {
        String text = ComposeStackGenerator.generate(seed);
        RewriteResult r = RewriteInvariants.check("generated.yaml", text.getBytes(StandardCharsets.UTF_8),
                Seeds.replay(seed) + "\ninput:\n" + text);
        Assertions.assertNotNull(r, () -> "the generator made a file that does not parse: " + Seeds.replay(seed)
                + "\n" + text);
    }

    static Stream<Path> corpus() throws IOException {
        return SharedData.corpusFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFiles(Path file) throws IOException {
        RewriteInvariants.check(file.toString(), Files.readAllBytes(file), "");
    }

    @ParameterizedTest(name = "{0} with CRLF")
    @MethodSource("corpus")
    void corpusFilesWithCrlf(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.contains("\r")) {
            return;
        }
        RewriteInvariants.check(file + " (CRLF)", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "");
    }
}
