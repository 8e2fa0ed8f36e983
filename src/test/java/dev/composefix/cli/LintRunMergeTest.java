package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.engine.Finding;
import dev.composefix.report.Report;
import dev.composefix.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's merge of its projects' results: findings in order whatever order the projects come in, and
 * each file masked with the secrets of every project it was linted in (and only those).
 */
class LintRunMergeTest {

    @TempDir
    Path dir;

    private Input input(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return new Input(p.toString(), p, null);
    }

    private static LintRun run() throws Exception {
        return new LintRun(Rules.catalog(), new LintRun.Options(null, List.of(), List.of(), null, true, null), Map.of());
    }

    @Test
    void findingsAreInOrderWhateverTheOrderOfTheProjects() throws Exception {
        Input a = input("a/compose.yaml", "services:\n  web:\n    image: nginx\n");
        Input b = input("b/compose.yaml", "services:\n  db:\n    image: postgres\n    privileged: true\n");
        Input c = input("c/compose.yaml", "services: [\n");
        for (List<Input> order : List.of(List.of(a, b, c), List.of(c, b, a), List.of(b, a, c))) {
            Report report = run().run(order).report();
            List<Finding> sorted = new ArrayList<>(report.findings());
            sorted.sort(Finding.ORDER);
            assertEquals(sorted, report.findings(), order.toString());
            assertEquals(3, report.findings().stream().map(Finding::file).distinct().count());
        }
    }

    @Test
    void whatTwoProjectsFindInAFileTheyBothReadIsReportedOnce() throws Exception {
        Input shared = input("common.yml", "services:\n  web:\n    image: nginx\n");
        String including = "include:\n  - ../common.yml\nservices:\n  app:\n    image: redis:7\n";
        Input a = input("a/compose.yaml", including);
        Input b = input("b/compose.yaml", including);
        List<Finding> alone = inFile(run().runProjects(List.of(List.of(a))).report(), shared.display());
        List<Finding> both = inFile(run().runProjects(List.of(List.of(a), List.of(b))).report(), shared.display());
        assertEquals(false, alone.isEmpty(), "the shared file has findings of its own");
        assertEquals(alone, both);
        // Each project's own file keeps its findings.
        Report report = run().runProjects(List.of(List.of(a), List.of(b))).report();
        assertEquals(inFile(report, a.display()).size(), inFile(report, b.display()).size());
    }

    private static List<Finding> inFile(Report report, String file) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.file().equals(file)) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void aFileOfTwoProjectsIsMaskedWithTheSecretsOfBoth() throws Exception {
        String shared = "services:\n  web:\n    image: nginx\n";
        Input s = input("shared.yml", shared);
        Input a = input("a.yml", "services:\n  db:\n    image: mysql\n    environment:\n"
                + "      MYSQL_ROOT_PASSWORD: alphaSecret1\n");
        Input b = input("b.yml", "services:\n  db:\n    image: mysql\n    environment:\n"
                + "      MYSQL_ROOT_PASSWORD: bravoSecret2\n");
        Input c = input("c.yml", shared);
        Report report = run().runProjects(List.of(List.of(a, s), List.of(b, s), List.of(c))).report();
        String text = "alphaSecret1 bravoSecret2";
        assertEquals("*** ***", report.redaction(s.display()).mask(text));
        assertEquals("*** bravoSecret2", report.redaction(a.display()).mask(text));
        assertEquals("alphaSecret1 ***", report.redaction(b.display()).mask(text));
        assertEquals(text, report.redaction(c.display()).mask(text));
    }
}
