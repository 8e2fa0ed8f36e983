package dev.composefix.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.cli.Input;
import dev.composefix.cli.LintRun;
import dev.composefix.engine.Finding;
import dev.composefix.rules.Rules;
import dev.composefix.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real compose file of the shared corpus lints without an internal error. */
class CorpusLintTest {

    static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> s = Files.walk(SharedData.corpus())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
                    .sorted().toList();
        }
    }

    @Test
    void wholeCorpusLintsWithoutInternalErrors() throws Exception {
        List<Path> files = corpusFiles();
        assertTrue(files.size() >= 300, "the corpus should hold about 300 compose files, found " + files.size());
        List<Input> inputs = new ArrayList<>();
        for (Path p : files) {
            inputs.add(new Input(SharedData.corpus().relativize(p).toString(), p, Files.readAllBytes(p)));
        }
        LintRun run = new LintRun(Rules.catalog(), new LintRun.Options(null, List.of(), List.of(), null, true, null),
                Map.of());
        LintRun.Outcome outcome = run.run(inputs);
        assertTrue(outcome.failures().isEmpty(), () -> "internal failures: " + outcome.failures());
        Map<String, Integer> perRule = new TreeMap<>();
        for (Finding f : outcome.report().findings()) {
            perRule.merge(f.code() + " " + f.rule(), 1, Integer::sum);
        }
        System.out.println("corpus: " + files.size() + " files, findings per rule: " + perRule);
    }
}
