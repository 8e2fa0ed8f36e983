package dev.composefix.discovery;

import java.nio.file.Path;
import java.util.List;

/** The files a discovery found, in a stable order, and the problems met on the way. */
public record Discovered(List<Path> files, List<Problem> problems) {

    public Discovered {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
