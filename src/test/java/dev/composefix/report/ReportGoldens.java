package dev.composefix.report;

import dev.composefix.testing.CliRun;
import dev.composefix.testing.Repo;
import java.nio.file.Path;
import java.util.Map;

/**
 * The report goldens: {@code fixtures/reports/stack} linted in every format, compared with
 * {@code fixtures/reports/expected/lint.<ext>}. {@code -Dcomposefix.updateGoldens=true} rewrites them.
 */
final class ReportGoldens {

    static final String LINK_BASE = "https://github.com/acme/shop/blob/main";

    private ReportGoldens() {
    }

    static Path expectedDir() {
        return Repo.fixtures().resolve("reports/expected");
    }

    /** The golden file of a format. */
    static Path golden(Format f) {
        String name = switch (f) {
            case TEXT -> "lint.txt";
            case JSON -> "lint.json";
            case SARIF -> "lint.sarif";
            case GITHUB -> "lint.github.txt";
            case CHECKSTYLE -> "lint.checkstyle.xml";
            case CODECLIMATE -> "lint.codeclimate.json";
            case RDJSON -> "lint.rdjson";
            case JUNIT -> "lint.junit.xml";
            case MARKDOWN -> "lint.md";
        };
        return expectedDir().resolve(name);
    }

    /** The stack as a path relative to the working directory, as a user in the repository root names it. */
    static String stack() {
        Path cwd = Path.of("").toAbsolutePath();
        Path stack = Repo.fixtures().resolve("reports/stack").toAbsolutePath();
        if (!stack.startsWith(cwd)) {
            throw new IllegalStateException("the report goldens are made from the repository root, not " + cwd);
        }
        return cwd.relativize(stack).toString();
    }

    /** {@code composefix lint} of the stack in one format, with no environment (so no GitHub variables). */
    static CliRun run(Format f) {
        return CliRun.run(Map.of(), "", "lint", "--ignore-environment", "--link-base", LINK_BASE, "--format", f.id(),
                stack());
    }
}
