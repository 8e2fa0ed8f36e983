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
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                Training.class.getName()));
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

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
