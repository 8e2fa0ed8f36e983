package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A lint of several projects masks each project's findings with that project's secrets only: the
 * report for a file is what linting it alone prints, whatever else is in the run.
 */
class SecretScopeTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "json", "sarif", "github", "junit", "checkstyle", "codeclimate", "rdjson", "markdown"})
    void oneProjectsSecretDoesNotMaskAnother(String format) throws Exception {
        assertEachMaskedByItsOwnProject(format);
    }

    /**
     * The same through a baseline: the report narrowed to new findings keeps each file's own redaction
     * (it once fell back to the run-wide one, the secrets of every project).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "json", "sarif", "github", "junit", "checkstyle", "codeclimate", "rdjson", "markdown"})
    void aBaselineKeepsEachProjectsOwnSecrets(String format) throws Exception {
        // A baseline that records nothing of these findings (another file's): every finding is new.
        Path other = Files.createDirectories(dir.resolve("c")).resolve("compose.yaml");
        Files.writeString(other, "services:\n  c:\n    image: redis:7.4\n");
        Path baseline = dir.resolve("baseline.json");
        CliRun written = CliRun.run("lint", "--only", "no-new-privileges", "--write-baseline", baseline.toString(),
                other.toString());
        assertTrue(written.exit() < 2 && Files.exists(baseline), written.err());
        assertEachMaskedByItsOwnProject(format, "--baseline", baseline.toString());
    }

    /**
     * Lints project a (whose password is "root") and project b together, with {@code options}: b's
     * findings read as when b is linted alone, and a's own finding has the password masked.
     */
    private void assertEachMaskedByItsOwnProject(String format, String... options) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("compose.yaml");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("compose.yaml");
        Files.writeString(a, "services:\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_ROOT_PASSWORD: root\n");
        Files.writeString(b, "services:\n  web:\n    image: nginx:1.27\n");
        List<String> args = new ArrayList<>(List.of("lint", "--only", "no-new-privileges", "--format", format));
        args.addAll(List.of(options));
        args.addAll(List.of(a.toString(), b.toString()));
        CliRun both = CliRun.run(args.toArray(String[]::new));
        CliRun alone = CliRun.run("lint", "--only", "no-new-privileges", "--format", format, b.toString());
        assertTrue(both.exit() < 2, both.err());
        int unmasked = count(alone.out(), "foothold to root in");
        assertTrue(unmasked > 0, alone.out());
        assertEquals(unmasked, count(both.out(), "foothold to root in"), () -> "masked by a's secret: " + both.out());
        String masked = format.equals("markdown") ? "foothold to \\*\\*\\* in" : "foothold to *** in";
        assertEquals(1, count(both.out(), masked), () -> "a's own finding is masked: " + both.out());
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
