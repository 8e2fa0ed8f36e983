package dev.composefix.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared data beside the repository (corpus, reference schemas), found through the system
 * property {@code composefix.shared} that .ci/run sets. Without it, tests skip with a message; under
 * CI (environment variable CI=true) they fail instead, so nothing is skipped silently there.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String prop = System.getProperty("composefix.shared", "");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String why = null;
        if (prop.isBlank()) {
            why = "system property composefix.shared is not set (run 'mvn -B verify -Dcomposefix.shared=../shared')";
        } else if (!Files.isDirectory(Path.of(prop))) {
            why = "composefix.shared=" + prop + " is not a directory";
        }
        if (why != null) {
            if (ci) {
                fail("shared data is required under CI: " + why);
            }
            System.err.println("composefix tests: skipping a test that needs ../shared: " + why);
            assumeTrue(false, "skipped: " + why);
        }
        return Path.of(prop);
    }

    public static Path corpus() {
        return root().resolve("corpus");
    }

    /** Every compose file of the corpus ({@code .yml} or {@code .yaml}, any case), in path order. */
    public static java.util.stream.Stream<Path> corpusFiles() throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(corpus())) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
                    .sorted().toList().stream();
        }
    }

    public static Path referenceSchemas() {
        return root().resolve("schemas-reference");
    }
}
