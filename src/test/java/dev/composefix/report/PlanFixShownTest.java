package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan (every missing memory limit fitted into one budget) answers one finding per service; SARIF
 * and rdjson show each finding the edits of its own service, not the whole plan again (which made
 * SARIF grow with the square of the services: 264 MB for 1,000, 26 GB for 10,000). A rewrite still
 * applies the whole plan at once.
 */
class PlanFixShownTest {

    private static final int SERVICES = 40;

    @TempDir
    Path dir;

    private Path stack() throws Exception {
        StringBuilder b = new StringBuilder("services:\n");
        for (int i = 0; i < SERVICES; i++) {
            b.append("  s").append(i).append(":\n    image: nginx:1.27\n");
        }
        return Files.writeString(dir.resolve("compose.yaml"), b.toString());
    }

    /** Service i's key is on line 2 + 2i and its image on the next: its edits go in after that. */
    private static int serviceOfLine(int line) {
        return (line - 2) / 2;
    }

    @Test
    void sarifShowsEachFindingItsOwnServicesEdits() throws Exception {
        CliRun r = CliRun.run("lint", "--only", "missing-memory-limit", "--format", "sarif", stack().toString());
        assertEquals(1, r.exit(), r.err());
        // Each result: its start line, then the start lines of its replacements.
        Matcher result = Pattern.compile("\"ruleId\": \"CF101\"(.*?)(?=\"ruleId\"|\\z)", Pattern.DOTALL).matcher(r.out());
        Pattern startLine = Pattern.compile("\"startLine\": (\\d+)");
        int results = 0;
        int replacements = 0;
        while (result.find()) {
            results++;
            Matcher lines = startLine.matcher(result.group(1));
            assertTrue(lines.find(), result.group(1));
            int service = serviceOfLine(Integer.parseInt(lines.group(1)));
            int seen = 0;
            while (lines.find()) {
                int edit = Integer.parseInt(lines.group(1));
                // An edit of service i goes in after its image line: line 4 + 2i, the next service's key.
                assertEquals(service, serviceOfLine(edit - 1), () -> "an edit of another service: " + result.group());
                seen++;
            }
            assertEquals(1, seen, result.group());
            replacements += seen;
        }
        assertEquals(SERVICES, results, r.out());
        assertEquals(SERVICES, replacements);
    }

    @Test
    void rdjsonSuggestsEachFindingItsOwnPart() throws Exception {
        CliRun r = CliRun.run("lint", "--only", "missing-memory-limit", "--format", "rdjson", stack().toString());
        assertEquals(1, r.exit(), r.err());
        int suggestions = 0;
        for (String diagnostic : r.out().split("\"message\": ")) {
            if (diagnostic.contains("\"suggestions\"")) {
                suggestions++;
                assertEquals(1, count(diagnostic, "\"text\": \"    deploy:"), diagnostic);
            }
        }
        assertEquals(SERVICES, suggestions, r.out());
    }

    @Test
    void rewriteStillAppliesTheWholePlan() throws Exception {
        Path file = stack();
        CliRun r = CliRun.run("rewrite", "--only", "missing-memory-limit", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(SERVICES, count(r.out(), "      resources:\n        limits:\n          memory: "), r.out());
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
