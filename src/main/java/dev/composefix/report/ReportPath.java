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
        // Reports ask for the path of each finding, and findings come file by file: the last answer is kept
        // (the working directory of a process does not change).
        Last known = last;
        if (known != null && known.display().equals(display)) {
            return known.path();
        }
        String path = of(display, Path.of("").toAbsolutePath());
        last = new Last(display, path);
        return path;
    }

    /** A file's name as given, and its report path. */
    private record Last(String display, String path) {
    }

    /** The last report path {@link #of(String)} gave, shared by the threads that render reports. */
    private static volatile Last last;

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
