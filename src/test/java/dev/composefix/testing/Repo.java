package dev.composefix.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root directory (fixtures/, rules/, schemas/, README.md). */
public final class Repo {

    private Repo() {
    }

    public static Path root() {
        String prop = System.getProperty("composefix.root");
        Path p = prop == null || prop.isBlank() ? Path.of("").toAbsolutePath() : Path.of(prop);
        if (!Files.isDirectory(p.resolve("fixtures"))) {
            throw new IllegalStateException("cannot find the repository root (no fixtures/ in " + p + ")");
        }
        return p;
    }

    public static Path fixtures() {
        return root().resolve("fixtures");
    }
}
