package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training run behind the class-data sharing archive, run as the launcher runs it: in a JVM of its own. */
class TrainingTest {

    @Test
    void trainsWithoutFailuresAndLeavesNothingInTheTemporaryDirectory(@TempDir Path tmp) throws Exception {
        train(tmp);
        assertEquals(List.of(), entries(tmp), "what the training run left in java.io.tmpdir");
    }

    /** Runs the training in a JVM of its own with {@code tmp} as its temporary directory, and checks it succeeds. */
    private static void train(Path tmp, String... jvmOptions) throws Exception {
        train(tmp, List.of(), jvmOptions);
    }

    /** {@link #train(Path, String...)} with the training's own arguments ({@code --hook}, {@code --scripts}). */
    private static void train(Path tmp, List<String> arguments, String... jvmOptions) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                Training.class.getName()));
        command.addAll(arguments);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the training run did not end in 120 s");
        }
        assertEquals(0, p.exitValue(), "exit code of the training run; it printed:\n" + output);
    }

    /**
     * What the run loads is what the archive holds, and every start maps and relocates all of it: the run's
     * own machinery must not add classes no command loads (a secure random name for its directory took some
     * 60 security classes), nor help that no hook asks for, and the scripts hook's readers must be there.
     * (Its resources are read from the jar as the commands read theirs; here, with a class path of
     * directories, they come through the class loader, which also loads the JDK image's reader.)
     */
    @Test
    void loadsWhatTheCommandsLoadAndNotItsOwnExtras(@TempDir Path tmp) throws Exception {
        Path list = tmp.resolve("classes.lst");
        train(Files.createDirectory(tmp.resolve("tmp")), "-XX:DumpLoadedClassList=" + list);
        List<String> classes = Files.readAllLines(list);
        for (String prefix : List.of("sun/security/provider/", "picocli/CommandLine$Help$Layout",
                "picocli/CommandLine$Help$TextTable")) {
            assertEquals(List.of(), classes.stream().filter(c -> c.startsWith(prefix)).toList(), prefix);
        }
        for (String wanted : List.of("dev/composefix/cli/PlainLine", "dev/composefix/script/MakefileSource",
                "dev/composefix/script/CiYamlSource", "dev/composefix/script/PackageJsonSource",
                "dev/composefix/script/CodeLexer", "dev/composefix/shell/ScriptParser",
                "dev/composefix/rewrite/UnifiedDiff", "picocli/CommandLine")) {
            assertTrue(classes.stream().anyMatch(c -> c.equals(wanted) || c.startsWith(wanted + " ")), wanted);
        }
    }

    /**
     * The hooks' archive ({@code --hook}): what the hooks' lines on compose files load, and neither picocli
     * nor the scripts' readers (the launcher gives any line that needs them the whole archive).
     */
    @Test
    void hookTrainingLoadsTheHooksLinesAloneAndLessThanTheWholeRun(@TempDir Path tmp) throws Exception {
        List<String> classes = trainedBesideTheWholeRun(tmp, "--hook");
        // picocli's parser and command model (a few of its exception and interface types are linked with
        // composefix's commands even so), the scripts' readers, and a directory's ignore files.
        for (String prefix : List.of("picocli/CommandLine$Interpreter", "picocli/CommandLine$Model$CommandSpec",
                "picocli/CommandLine$Help", "dev/composefix/script/MakefileSource", "dev/composefix/script/CodeLexer",
                "dev/composefix/discovery/IgnoreRules")) {
            assertEquals(List.of(), classes.stream().filter(c -> c.startsWith(prefix)).toList(), prefix);
        }
        assertTrue(classes.stream().filter(c -> c.startsWith("picocli/")).count() < 20, "picocli's classes");
        for (String wanted : List.of("dev/composefix/cli/PlainLine", "dev/composefix/cli/RewriteCommand",
                "dev/composefix/rewrite/UnifiedDiff", "dev/composefix/fix/YamlEditor")) {
            assertTrue(classes.contains(wanted), wanted);
        }
    }

    /**
     * The scripts hook's archive ({@code --scripts}): the scripts' readers, and not picocli's parser nor a
     * directory's ignore files.
     */
    @Test
    void scriptsTrainingLoadsTheScriptsReadersAndLessThanTheWholeRun(@TempDir Path tmp) throws Exception {
        List<String> classes = trainedBesideTheWholeRun(tmp, "--scripts");
        for (String prefix : List.of("picocli/CommandLine$Interpreter", "picocli/CommandLine$Model$CommandSpec",
                "picocli/CommandLine$Help", "dev/composefix/discovery/IgnoreRules")) {
            assertEquals(List.of(), classes.stream().filter(c -> c.startsWith(prefix)).toList(), prefix);
        }
        for (String wanted : List.of("dev/composefix/cli/PlainLine", "dev/composefix/script/MakefileSource",
                "dev/composefix/script/CiYamlSource", "dev/composefix/script/PackageJsonSource",
                "dev/composefix/script/CodeLexer", "dev/composefix/shell/ScriptParser")) {
            assertTrue(classes.contains(wanted), wanted);
        }
    }

    /**
     * The classes a hook's training ({@code argument}) loads, having checked what both hook archives owe: the
     * whole run and it leave nothing in the temporary directory, composefix's classes among them are ones the
     * whole run loads too (the JDK's internals vary a little from run to run with what its threads do), and
     * they are under nine tenths of the whole run's: fewer classes to map and relocate at each start.
     */
    private static List<String> trainedBesideTheWholeRun(Path tmp, String argument) throws Exception {
        Path whole = tmp.resolve("whole.lst");
        Path hook = tmp.resolve("hook.lst");
        Path dir = Files.createDirectory(tmp.resolve("tmp"));
        train(dir, "-XX:DumpLoadedClassList=" + whole);
        train(dir, List.of(argument), "-XX:DumpLoadedClassList=" + hook);
        assertEquals(List.of(), entries(dir), "what the training runs left in java.io.tmpdir");
        java.util.Set<String> all = new java.util.HashSet<>(classNames(whole));
        List<String> classes = classNames(hook);
        assertEquals(List.of(), classes.stream().filter(c -> c.startsWith("dev/composefix/") && !all.contains(c))
                .toList(), "classes of composefix " + argument + " loads and the whole run does not");
        assertTrue(classes.size() < all.size() * 0.9, classes.size() + " classes against " + all.size());
        return classes;
    }

    /** The class names of a class list (its other lines, comments and lambda forms, left out). */
    private static List<String> classNames(Path list) throws IOException {
        return Files.readAllLines(list).stream().filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("@"))
                .map(l -> l.split(" ")[0]).toList();
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
