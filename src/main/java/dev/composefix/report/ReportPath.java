package dev.composefix.report;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How the formats read by CI services and review bots name a file: relative to the working directory
 * when the file is under it (CI services resolve paths against the repository root, where composefix
 * runs), normalized, with '/' separators, whatever form the path was given in.
 */
public final class ReportPath {

    private ReportPath() {
    }

    /** The report path of a file named {@code display} (as the user gave it). */
    public static String of(String display) {
        return of(display, Path.of("").toAbsolutePath());
    }

    /** The report path of {@code display}, relative to {@code workingDirectory} when under it. */
    public static String of(String display, Path workingDirectory) {
        try {
            Path p = Path.of(display);
            if (p.isAbsolute()) {
                Path base = workingDirectory.toAbsolutePath().normalize();
                Path abs = p.normalize();
                p = abs.startsWith(base) ? base.relativize(abs) : abs;
            } else {
                p = p.normalize();
            }
            String s = p.toString().replace('\\', '/');
            return s.isEmpty() ? display : s;
        } catch (InvalidPathException e) {
            return display.replace('\\', '/');
        }
    }
}
