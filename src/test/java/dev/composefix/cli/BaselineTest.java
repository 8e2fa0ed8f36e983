package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.schema.SchemaCheck;
import dev.composefix.schema.SchemaProblem;
import dev.composefix.testing.CliRun;
import dev.composefix.testing.TestFiles;
import dev.composefix.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint --write-baseline records findings; lint --baseline reports only new ones, also after lines move. */
class BaselineTest {

    @TempDir
    Path dir;

    private static final String STACK = "services:\n"
            + "  db:\n"
            + "    image: postgres:16\n"
            + "  web:\n"
            + "    image: nginx:1.27\n"
            + "    depends_on: [db]\n";

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    @Test
    void aBaselineSilencesKnownFindingsEvenAfterLinesMove() throws Exception {
        Path compose = write("compose.yaml", STACK);
        Path baseline = dir.resolve("baseline.json");
        CliRun written = CliRun.run("lint", "--write-baseline", baseline.toString(), compose.toString());
        assertEquals(0, written.exit(), "recorded findings do not fail the run: " + written.err());
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("recorded (\\d+) findings in "
                + java.util.regex.Pattern.quote(baseline.toString())).matcher(written.err());
        assertTrue(count.find(), written.err());
        assertTrue(Integer.parseInt(count.group(1)) >= 4, written.err());
        assertTrue(written.out().contains(count.group(1) + " problems"), "the report is printed as usual: " + written.out());
        List<SchemaProblem> problems = SchemaCheck.resource("/schemas/baseline.schema.json")
                .check(new YamlLoader().load(Files.readAllBytes(baseline)).root());
        assertTrue(problems.isEmpty(), problems::toString);

        CliRun same = CliRun.run("lint", "--baseline", baseline.toString(), compose.toString());
        assertEquals(0, same.exit(), same.out());
        assertTrue(same.out().contains("no problems in 1 file"), same.out());

        Files.writeString(compose, "# moved down by a comment\n\n" + STACK.replace("  web:\n",
                "  # the front end\n  web:\n") + "  worker:\n    image: python:3.12\n");
        CliRun moved = CliRun.run("lint", "--baseline", baseline.toString(), "--format", "json", compose.toString());
        assertEquals(1, moved.exit(), moved.out());
        assertTrue(moved.out().contains("\"service\": \"worker\""), moved.out());
        assertFalse(moved.out().contains("\"service\": \"db\""), "known findings stay silent after lines move: "
                + moved.out());
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("\"findings\": (\\d+)").matcher(moved.out());
        assertTrue(total.find(), moved.out());
        int workers = moved.out().split("\"service\": \"worker\"", -1).length - 1;
        assertTrue(workers >= 2 && workers == Integer.parseInt(total.group(1)),
                "only the new service's findings are reported: " + moved.out());
    }

    @Test
    void parseErrorsAreNeverRecordedNorSilenced() throws Exception {
        Path broken = write("compose.yaml", "services:\n  a: {image: x}\n  a: {image: y}\n");
        Path baseline = dir.resolve("baseline.json");
        CliRun written = CliRun.run("lint", "--write-baseline", baseline.toString(), broken.toString());
        assertEquals(2, written.exit(), "a file that does not parse still exits 2");
        assertTrue(Files.readString(baseline).contains("\"findings\": []"), Files.readString(baseline));
        CliRun r = CliRun.run("lint", "--baseline", baseline.toString(), broken.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("parse-error"), r.out());
    }

    @Test
    void badBaselinesAreUsageErrorsWithAPosition() throws Exception {
        Path compose = write("compose.yaml", STACK);
        CliRun missing = CliRun.run("lint", "--baseline", dir.resolve("none.json").toString(), compose.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("none.json: no such file"), missing.err());
        Path bad = write("bad.json", "{\"version\": 1, \"findings\": [{\"fingerprint\": \"xyz\"}]}\n");
        CliRun invalid = CliRun.run("lint", "--baseline", bad.toString(), compose.toString());
        assertEquals(2, invalid.exit());
        assertTrue(invalid.err().contains(bad + ":1:"), invalid.err());
        assertEquals("", invalid.out(), "nothing is reported with a broken baseline");
        Path notJson = write("text.json", "{ not json\n");
        assertEquals(2, CliRun.run("lint", "--baseline", notJson.toString(), compose.toString()).exit());
        CliRun both = CliRun.run("lint", "--baseline", bad.toString(), "--write-baseline", bad.toString(),
                compose.toString());
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("choose one of --baseline and --write-baseline"), both.err());
    }

    @Test
    void theBaselineNamesWhatItHoldsForReviewers() throws Exception {
        Path compose = write("compose.yaml", STACK);
        Path baseline = dir.resolve("b.json");
        CliRun.run("lint", "--write-baseline", baseline.toString(), compose.toString());
        String text = Files.readString(baseline);
        assertTrue(text.startsWith("{\n  \"version\": 1,\n  \"findings\": [\n    {\n      \"fingerprint\": \""), text);
        assertTrue(text.contains("\"rule\": \"missing-memory-limit\""), text);
        assertTrue(text.contains("\"service\": \"db\""), text);
        assertFalse(text.contains("\"line\""), "no line numbers: moving lines does not churn the baseline");
    }
}
