package dev.composefix.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the launcher's class-data sharing archive: runs the common commands in this
 * process over a bundled stack (in a temporary directory), printing nothing, so that the JVM, started
 * with {@code -XX:DumpLoadedClassList}, lists every class a lint or rewrite of a real file loads (the
 * launcher then dumps the archive from that list with {@code -Xshare:dump}).
 * Not a user command: {@code java -cp composefix.jar dev.composefix.cli.Training [--hook | --scripts]}. The
 * launcher keeps three archives: one from {@code --hook}'s run, for the pre-commit hooks' lines on compose
 * files, one from {@code --scripts}', for the scripts hook's lines, and one from the whole run, for every
 * other line.
 *
 * <p>Every class this process loads goes into the archive, and every start maps the whole archive and
 * relocates its pointers (Java 17.0.15 places it at a random address): about 2.5 ms a megabyte here.
 * So the run loads what the commands a pre-commit hook and a developer run load, and little else: no
 * secure random numbers for its directory (a temporary directory's name took some 60 security classes
 * and their streams, which no command loads), no streams or lambdas of its own, and not the report
 * formats and help that CI jobs and people at a terminal ask for, which then load theirs from the jar.
 */
public final class Training {

    private Training() {
    }

    /**
     * The command lines of the hooks' archive, which the launcher uses for the pre-commit hooks' lines on
     * compose files (see {@code composefix}): FILE stands for the bundled stack, FILE2 for a copy of it in
     * another directory. The hooks' lines (with the {@code args} README shows), a rewrite to standard output
     * and as a diff, and two projects at once (linted on both cores). All of them are read without picocli.
     */
    static final List<List<String>> HOOK_RUNS = List.of(
            List.of("lint", "FILE"),
            List.of("lint", "--fail-on", "error", "FILE"),
            List.of("rewrite", "FILE"),
            List.of("rewrite", "--unsafe-fixes", "--diff", "FILE"),
            List.of("rewrite", "--in-place", "FILE"),
            List.of("rewrite", "--check", "FILE"),
            List.of("lint", "FILE", "FILE2"));

    /**
     * The command lines of the scripts hook's archive, which the launcher uses for that hook's lines: SCRIPTS
     * stands for one file of each kind the hook takes (a shell script, a Makefile, a GitHub workflow, a
     * {@code package.json} and a Python file), read without picocli.
     */
    static final List<List<String>> SCRIPT_RUNS = List.of(
            List.of("lint", "SCRIPTS"),
            List.of("lint", "--fail-on", "error", "SCRIPTS"));

    /**
     * The command lines of the archive every other run uses: {@link #HOOK_RUNS}, {@link #SCRIPT_RUNS}, a line
     * picocli reads (so that its parsing, which any other option takes, is archived), and a directory's lint
     * (files found and linted on both cores, with the scripts beside the stack).
     */
    static final List<List<String>> RUNS;

    static {
        List<List<String>> all = new ArrayList<>(HOOK_RUNS);
        all.addAll(SCRIPT_RUNS);
        all.add(List.of("lint", "--format", "github", "FILE"));
        all.add(List.of("lint", "DIR"));
        RUNS = List.copyOf(all);
    }

    /** The training scripts: the resource's name, and where it goes in the training directory. */
    private static final String[][] SCRIPTS = {
        {"deploy.sh", "deploy.sh"},
        {"Makefile", "Makefile"},
        {"workflow.yml", ".github/workflows/ci.yml"},
        {"package.json", "package.json"},
        {"tool.py", "tool.py"},
    };

    /**
     * Trains on {@link #RUNS}; with {@code --hook}, on {@link #HOOK_RUNS} alone, and with {@code --scripts}, on
     * {@link #SCRIPT_RUNS} alone, for the hooks' archives: a fifth smaller than the whole one (no picocli;
     * for compose files no scripts' readers), so a start maps and relocates less.
     */
    public static void main(String[] args) throws IOException {
        List<List<String>> runs = args.length == 0 ? RUNS
                : args.length == 1 && args[0].equals("--hook") ? HOOK_RUNS
                : args.length == 1 && args[0].equals("--scripts") ? SCRIPT_RUNS : null;
        if (runs == null) {
            System.err.println("usage: java -cp composefix.jar " + Training.class.getName() + " [--hook | --scripts]");
            System.exit(2);
        }
        Path dir = directory();
        int failed;
        try {
            failed = run(dir, runs);
        } finally {
            // Before exiting: System.exit in the try left every training run's directory behind.
            delete(dir.toFile());
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /**
     * A new directory of the training run's own under {@code java.io.tmpdir}, for its owner only: named
     * from the clock rather than by {@code Files.createTempDirectory}, whose secure random name loads
     * classes no command does. Creating it fails if anything (a link too) is there already, and another
     * name is tried.
     */
    private static Path directory() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long stamp = System.nanoTime();
        for (int i = 0; ; i++) {
            Path dir = tmp.resolve("composefix-training-" + Long.toHexString(stamp + i));
            try {
                Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (i < 100) {
                    continue;
                }
                throw e;
            }
            // Its owner's only where the file system has permissions for others (elsewhere, as on Windows,
            // a user's temporary directory is that user's already, and these calls do nothing).
            java.io.File f = dir.toFile();
            if (f.setReadable(false, false) && f.setWritable(false, false) && f.setExecutable(false, false)) {
                f.setReadable(true, true);
                f.setWritable(true, true);
                f.setExecutable(true, true);
            }
            return dir;
        }
    }

    /**
     * Deletes a directory and what it holds. Plain loops here and below, not streams or lambdas: every class
     * this process loads goes into the archive, which every start then maps and relocates.
     */
    private static void delete(java.io.File f) throws IOException {
        java.io.File[] inside = f.listFiles();
        if (inside != null) {
            for (java.io.File g : inside) {
                delete(g);
            }
        }
        Files.deleteIfExists(f.toPath());
    }

    /** Runs the training commands {@code runs}; returns how many ended in an internal error (exit 3). */
    static int run(Path dir, List<List<String>> runs) throws IOException {
        // Read as the commands read their resources: the class loader's way looks in the JDK's modules first,
        // and loaded the classes that read its image, which no command does.
        byte[] stack = dev.composefix.engine.Resources.read("/dev/composefix/training/compose.yaml");
        if (stack == null) {
            throw new IOException("the training stack is missing from the jar");
        }
        Path file = dir.resolve("compose.yaml");
        Path second = dir.resolve("second").resolve("compose.yaml");
        Files.createDirectories(second.getParent());
        // One file of each kind the scripts hook takes, beside the stack, for the directory's lint.
        for (String[] script : SCRIPTS) {
            byte[] text = dev.composefix.engine.Resources.read("/dev/composefix/training/" + script[0]);
            if (text == null) {
                throw new IOException("the training file " + script[0] + " is missing from the jar");
            }
            Path to = dir.resolve(script[1]);
            Files.createDirectories(to.getParent());
            Files.write(to, text);
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        // What a real run asks of the process (its environment, whether a terminal is there) loads classes
        // every run loads; the runs themselves get no environment, so that the user's cannot steer them.
        new java.util.HashMap<>(System.getenv()).isEmpty(); // a lint copies it so
        System.console();
        Io io = new Io(InputStream.nullInputStream(), quiet, quiet, Map.of(), dir, false);
        int failed = 0;
        new Main.Prepare().run(); // what Main.main starts beside a lint
        for (List<String> run : runs) {
            Files.write(file, stack);
            Files.write(second, stack);
            List<String> args = new ArrayList<>();
            for (String a : run) {
                if (a.equals("SCRIPTS")) {
                    for (String[] script : SCRIPTS) {
                        args.add(dir.resolve(script[1]).toString());
                    }
                } else {
                    args.add(a.equals("FILE") ? file.toString() : a.equals("FILE2") ? second.toString()
                            : a.equals("DIR") ? dir.toString() : a);
                }
            }
            if (Main.run(io, args.toArray(new String[0])) == ExitCode.INTERNAL) {
                failed++;
            }
        }
        return failed;
    }
}
