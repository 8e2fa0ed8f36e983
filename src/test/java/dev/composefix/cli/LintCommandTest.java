package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.schema.SchemaCheck;
import dev.composefix.schema.SchemaProblem;
import dev.composefix.testing.CliRun;
import dev.composefix.testing.TestFiles;
import dev.composefix.testing.Repo;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint command end to end, in-process: exit codes, formats, inputs, options. */
class LintCommandTest {

    @TempDir
    Path dir;

    private static final String CLEAN = "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 128m\n    cpus: 0.5\n"
            + "    read_only: true\n    security_opt: [\"no-new-privileges:true\"]\n";
    private static final String NO_LIMITS = "services:\n  web:\n    image: nginx:1.27\n";

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    @Test
    void cleanFileExitsZero() throws Exception {
        CliRun r = CliRun.run("lint", write("compose.yaml", CLEAN).toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("no problems in 1 file"), r.out());
    }

    @Test
    void findingsPrintFileLineColumnSeverityNameAndTheSourceLine() throws Exception {
        Path f = write("compose.yaml", NO_LIMITS);
        CliRun r = CliRun.run("lint", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains(f + ":2:3: warning missing-memory-limit service 'web' has no memory limit"),
                r.out());
        assertTrue(r.out().contains(" 2 |   web:\n   |   ^^^\n"), r.out());
        assertFalse(r.out().contains("\u001b["), "no colour when not on a terminal");
        assertTrue(r.out().contains("4 problems (0 errors, 2 warnings, 2 info) in 1 file"), r.out());
    }

    @Test
    void aVeryLongSourceLineIsQuotedAsAWindowAroundTheFinding() throws Exception {
        String before = "echo a; ".repeat(40);
        String after = "echo b; ".repeat(40);
        Path f = write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    command: [\"sh\", \"-c\", \""
                + before + "docker rm -f old && " + after + "\"]\n");
        CliRun r = CliRun.run("lint", "--only", "CF105", f.toString());
        String[] out = r.out().split("\n");
        assertTrue(out[0].startsWith(f + ":4:"), r.out());
        assertTrue(out[1].startsWith(" 4 | ...") && out[1].endsWith("..."), r.out());
        assertEquals(" 4 | ".length() + 3 + 160 + 3, out[1].length(), "a window of 160 characters: " + out[1]);
        int caret = out[2].indexOf('^');
        assertEquals("-f", out[1].substring(caret, caret + 2), r.out());
        assertEquals("^^", out[2].substring(caret).strip(), r.out());
    }

    @Test
    void failOnDecidesExitOne() throws Exception {
        String f = write("compose.yaml", NO_LIMITS).toString();
        assertEquals(0, CliRun.run("lint", "--fail-on", "error", f).exit());
        assertEquals(1, CliRun.run("lint", "--fail-on", "warning", f).exit());
        assertEquals(0, CliRun.run("lint", "--fail-on", "never", f).exit());
        assertEquals(2, CliRun.run("lint", "--fail-on", "sometimes", f).exit());
    }

    @Test
    void configFailOnAppliesUnlessTheFlagOverrides() throws Exception {
        String f = write("compose.yaml", NO_LIMITS).toString();
        write(".composefix.yml", "fail-on: error\n");
        Files.createDirectories(dir.resolve(".git"));
        assertEquals(0, CliRun.run("lint", f).exit());
        assertEquals(1, CliRun.run("lint", "--fail-on", "info", f).exit());
    }

    @Test
    void parseErrorExitsTwoAndOtherFilesAreStillReported() throws Exception {
        Path bad = write("a/compose.yaml", "services:\n  web:\n    image: x\n    image: y\n");
        Path good = write("b/compose.yaml", NO_LIMITS);
        CliRun r = CliRun.run("lint", "--fail-on", "never", bad.toString(), good.toString());
        assertEquals(2, r.exit(), "a parse error exits 2 whatever --fail-on says");
        assertTrue(r.out().contains(bad + ":4:5: error parse-error duplicate key 'image'"), r.out());
        assertTrue(r.out().contains(good + ":2:3: warning missing-memory-limit"), r.out());
    }

    @Test
    void missingPathIsAUsageError() {
        CliRun r = CliRun.run("lint", dir.resolve("nope.yaml").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nope.yaml"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void unknownRuleInOnlyOrSkipIsAUsageErrorWithASuggestion() throws Exception {
        String f = write("compose.yaml", NO_LIMITS).toString();
        CliRun r = CliRun.run("lint", "--only", "missing-memory-limt", f);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("did you mean 'missing-memory-limit'"), r.err());
        assertEquals(2, CliRun.run("lint", "--skip", "CF999", f).exit());
    }

    @Test
    void onlyAndSkipAcceptCodesAndNames() throws Exception {
        String f = write("compose.yaml", NO_LIMITS).toString();
        CliRun only = CliRun.run("lint", "--only", "CF102", f);
        assertTrue(only.out().contains("missing-cpu-limit") && !only.out().contains("missing-memory-limit"), only.out());
        CliRun skip = CliRun.run("lint", "--skip", "missing-cpu-limit,CF101", f);
        assertEquals(0, skip.exit(), skip.out());
    }

    @Test
    void jsonReportFollowsItsSchema() throws Exception {
        write("compose.yaml", "version: '3'\nservices:\n  web:\n    image: nginx\n  bad: [1]\n");
        write("other/docker-compose.yml", "services: {a: {image: x, mem_limit: \"${M}\"}}\n");
        CliRun r = CliRun.run("lint", "--format", "json", dir.toString());
        assertEquals(1, r.exit(), r.err());
        YMapping report = (YMapping) new YamlLoader().load(r.out()).root();
        List<SchemaProblem> problems = SchemaCheck.resource("/schemas/report.schema.json").check(report);
        assertTrue(problems.isEmpty(), problems::toString);
        YSequence findings = (YSequence) report.value("findings");
        assertTrue(findings.items().size() >= 3, r.out());
        assertTrue(r.out().contains("\"service\": null"), r.out());
        assertTrue(r.out().contains("\"code\": \"CF106\""), r.out());
        assertTrue(r.out().matches("(?s).*\"code\": \"CF106\",.*?\"fixable\": true.*"), r.out());
        assertTrue(r.out().contains("\"files\": 2"), r.out());
    }

    @Test
    void directoryDiscoveryFindsComposeFilesOnly() throws Exception {
        write("compose.yaml", CLEAN);
        write("sub/docker-compose.override.yml", CLEAN);
        write("sub/not-compose.yml", NO_LIMITS);
        write("node_modules/pkg/compose.yaml", NO_LIMITS);
        CliRun r = CliRun.run("lint", dir.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("in 2 files"), r.out());
    }

    @Test
    void standardInputWithStdinFilename() throws Exception {
        Path virtual = dir.resolve("svc/compose.yaml");
        Files.createDirectories(virtual.getParent());
        Files.writeString(dir.resolve("svc/.env"), "MEM=256m\n");
        String text = "services:\n  web:\n    image: nginx:1.27\n    mem_limit: ${MEM}\n    cpus: 1\n";
        CliRun r = CliRun.run(Map.of(), text, "lint", "--stdin-filename", virtual.toString(), "-");
        assertEquals(0, r.exit(), r.out());
        CliRun unnamed = CliRun.run(Map.of(), NO_LIMITS, "lint", "-");
        assertTrue(unnamed.out().contains("<stdin>:2:3: warning missing-memory-limit"), unnamed.out());
    }

    @Test
    void environmentComesBeforeTheEnvFileUnlessIgnored() throws Exception {
        Path f = write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 1g\n    cpus: ${CPUS}\n");
        // CPUS unset everywhere: unknown, so not missing.
        assertEquals(0, CliRun.run("lint", f.toString()).exit());
        Path env = write("other.env", "CPUS=0.5\n");
        assertEquals(0, CliRun.run("lint", "--env-file", env.toString(), f.toString()).exit());
        assertEquals(2, CliRun.run("lint", "--env-file", dir.resolve("none.env").toString(), f.toString()).exit());
    }

    @Test
    void outputFileGetsTheReport() throws Exception {
        Path f = write("compose.yaml", NO_LIMITS);
        Path out = dir.resolve("report.json");
        CliRun r = CliRun.run("lint", "--format", "json", "-o", out.toString(), f.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(Files.readString(out).contains("\"rule\": \"missing-memory-limit\""));
    }

    @Test
    void unwritableOutputIsAUsageErrorNotACrash() throws Exception {
        Path f = write("compose.yaml", NO_LIMITS);
        CliRun r = CliRun.run("lint", "-o", dir.resolve("no/such/dir/report.txt").toString(), f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("cannot write the report to"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void undecodableFileIsReportedWithoutQuotingGarbage() throws Exception {
        Path f = dir.resolve("compose.yaml");
        Files.write(f, "services: {}\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));
        CliRun r = CliRun.run("lint", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains(f + ":1:1: error parse-error file is encoded in UTF-16"), r.out());
        assertFalse(r.out().contains("\u0000"), "no NUL characters in the report");
        assertFalse(r.out().contains(" 1 | "), r.out());
    }

    @Test
    void brokenConfigIsAClearUsageError() throws Exception {
        Path f = write("compose.yaml", NO_LIMITS);
        Path cfg = write("cfg.yml", "rules:\n  missing-memory-limit: maybe\n");
        CliRun r = CliRun.run("lint", "--config", cfg.toString(), f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(cfg + ":2:25: rules.missing-memory-limit: 'maybe' is not one of"), r.err());
        assertEquals("", r.out(), "nothing is reported when the config is broken");
    }

    @Test
    void unknownFormatAndOptionAreUsageErrors() throws Exception {
        String f = write("compose.yaml", CLEAN).toString();
        CliRun r = CliRun.run("lint", "--format", "xml", f);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown format 'xml'"), r.err());
        assertEquals(2, CliRun.run("lint", "--frobnicate", f).exit());
        assertEquals(2, CliRun.run("frobnicate").exit());
    }

    @Test
    void versionAndHelp() {
        CliRun v = CliRun.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().matches("composefix \\d+\\.\\d+\\.\\d+.*\\n"), v.out());
        CliRun h = CliRun.run("lint", "--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("Exit codes:") && h.out().contains("3  internal error"), h.out());
        assertTrue(CliRun.run("--help").out().contains("lint"));
    }

    @Test
    void bundledExampleShowsSeveralKindsOfFindings() {
        Path example = Repo.fixtures().resolve("examples/crashy-stack");
        CliRun r = CliRun.run("lint", "--ignore-environment", example.toString());
        assertEquals(1, r.exit(), r.err());
        for (String rule : List.of("obsolete-version-key", "healthcheck-interval-collision", "healthcheck-timing",
                "missing-memory-limit", "missing-cpu-limit", "depends-on-not-healthy", "force-remove")) {
            assertTrue(r.out().contains(" " + rule + " "), rule + " missing from the example's report:\n" + r.out());
        }
    }
}
