package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark programs under {@code src/bench} are run on purpose, not by the build: this keeps them
 * compiling against the code as it changes (they use its public API), so a benchmark is never found
 * broken on the day it is needed.
 */
class BenchSourcesTest {

    @Test
    void everyBenchmarkProgramCompiles(@TempDir Path out) throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src", "bench"))) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> sources.add(f.toString()));
        }
        assertFalse(sources.isEmpty(), "src/bench has Java programs (WarmRuns, PassCensus)");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK's compiler");
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                "-Xlint:none"));
        args.addAll(sources);
        StringWriter errors = new StringWriter();
        int code = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), args.toArray(String[]::new));
        assertEquals(0, code, errors::toString);
    }

    /** The benchmark scripts at least parse as bash scripts ({@code bash -n}), each one. */
    @Test
    void everyBenchmarkScriptParses() throws IOException, InterruptedException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src", "bench"))) {
            files.filter(f -> f.toString().endsWith(".sh")).sorted().forEach(scripts::add);
        }
        assertTrue(scripts.contains(Path.of("src", "bench", "perf.sh")), "src/bench has its scripts: " + scripts);
        for (Path script : scripts) {
            Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), script + ": " + said);
        }
    }
}
