package dev.composefix.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's surroundings, passed in so the whole CLI runs in-process under test: streams,
 * environment variables, working directory, and whether standard output is a terminal.
 */
public record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path workingDirectory,
        boolean terminal) {

    public static Io system() {
        return new Io(System.in, System.out, System.err, System.getenv(), Path.of(""),
                System.console() != null);
    }
}
