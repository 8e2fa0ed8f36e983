package dev.composefix.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class-data sharing archive: runs the common commands in this
 * process over a bundled stack (in a temporary directory), printing nothing, so that the JVM, started
 * with {@code -XX:DumpLoadedClassList}, lists every class a lint or rewrite of a real file loads (the
 * launcher then dumps the archive from that list with {@code -Xshare:dump}).
 * Not a user command: {@code java -cp composefix.jar dev.composefix.cli.Training}.
 */
public final class Training {

    private Training() {
    }

    /** The command lines trained on; FILE stands for the bundled stack. */
    static final List<List<String>> RUNS = List.of(
            List.of("lint", "FILE"),
            List.of("lint", "--format", "json", "FILE"),
            List.of("lint", "--format", "sarif", "FILE"),
            List.of("lint", "--format", "github", "FILE"),
            List.of("rewrite", "FILE"),
            List.of("rewrite", "--unsafe-fixes", "--diff", "FILE"),
            List.of("rewrite", "--in-place", "FILE"),
            List.of("lint", "DIR"),
            List.of("lint", "--no-such-option"),
            List.of("--help"));

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("composefix-training");
        int failed;
        try {
            failed = run(dir);
        } finally {
            // Before exiting: System.exit in the try left every training run's directory behind.
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Runs every training command; returns how many ended in an internal error (exit 3). */
    static int run(Path dir) throws IOException {
        byte[] stack;
        try (InputStream in = Training.class.getResourceAsStream("/dev/composefix/training/compose.yaml")) {
            if (in == null) {
                throw new IOException("the training stack is missing from the jar");
            }
            stack = in.readAllBytes();
        }
        Path file = dir.resolve("compose.yaml");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Io io = new Io(InputStream.nullInputStream(), quiet, quiet, Map.of(), dir, false);
        int failed = 0;
        new Main.Prepare().run(); // what Main.main starts beside a lint
        for (List<String> run : RUNS) {
            Files.write(file, stack);
            String[] args = run.stream().map(a -> a.equals("FILE") ? file.toString()
                    : a.equals("DIR") ? dir.toString() : a).toArray(String[]::new);
            if (Main.run(io, args) == ExitCode.INTERNAL) {
                failed++;
            }
        }
        return failed;
    }
}
