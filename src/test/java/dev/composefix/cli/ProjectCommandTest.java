package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.model.ComposeFile;
import dev.composefix.project.ProjectLoader;
import dev.composefix.rewrite.TreeDiff;
import dev.composefix.model.Variables;
import dev.composefix.testing.CliRun;
import dev.composefix.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects of several files on the command line: lint, rewrite across files, --into. */
class ProjectCommandTest {

    @TempDir
    Path dir;

    private static final String BASE = "services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n"
            + "      test: [\"CMD\", \"true\"]\n      interval: 10s\n  db:\n    image: postgres:16\n"
            + "    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready\"]\n";
    private static final String OVERRIDE = "services:\n  web:\n    mem_limit: 128m\n    cpus: 0.5\n  db:\n"
            + "    healthcheck:\n      interval: 10s\n";

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
    }

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    @Test
    void aBaseFilePicksUpItsOverrideAndFindingsPointWhereValuesAre() throws Exception {
        Path base = write("compose.yaml", BASE);
        Path over = write("compose.override.yaml", OVERRIDE);
        CliRun r = CliRun.run("lint", "--only", "CF101,CF103", base.toString());
        assertFalse(r.out().contains("service 'web' has no memory limit"), "the override's limit counts: " + r.out());
        assertTrue(r.out().contains(base + ":7:3: warning missing-memory-limit service 'db'"), r.out());
        assertTrue(r.out().contains(over + ":7:17: warning healthcheck-interval-collision in service 'db':"), r.out());
        assertTrue(r.out().contains("in 2 files"), r.out());
        CliRun alone = CliRun.run("lint", "--only", "CF101", over.toString());
        assertEquals(r.out().contains("'db'"), alone.out().contains("'db'"), "an override given alone loads its base");
    }

    @Test
    void explicitFilesAndComposeFileVariable() throws Exception {
        write("a.yml", "services:\n  web:\n    image: nginx:1.27\n");
        write("b.yml", "services:\n  web:\n    mem_limit: 64m\n    cpus: 1\n");
        CliRun r = CliRun.run("lint", "-f", dir.resolve("a.yml").toString(), "-f", dir.resolve("b.yml").toString());
        assertEquals(0, r.exit(), r.out());
        write("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n");
        write(".env", "COMPOSE_FILE=a.yml:b.yml\n");
        CliRun d = CliRun.run("lint", dir.toString());
        assertEquals(0, d.exit(), "COMPOSE_FILE names the project's files: " + d.out());
    }

    @Test
    void profilesRestrictTheLintedServices() throws Exception {
        Path f = write("compose.yaml", "services:\n  app: {image: a:1, mem_limit: 64m, cpus: 1}\n"
                + "  debug: {image: b, profiles: [debug]}\n");
        assertEquals(1, CliRun.run("lint", f.toString()).exit());
        assertEquals(0, CliRun.run("lint", "--profile", "prod", f.toString()).exit());
    }

    @Test
    void brokenReferencesExitTwoNamingFileAndLine() throws Exception {
        Path f = write("compose.yaml", "services:\n  app:\n    extends:\n      file: missing.yml\n"
                + "      service: x\n");
        CliRun r = CliRun.run("lint", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains(f + ":4:13: error parse-error"), r.out());
    }

    @Test
    void rewriteEditsTheFileWhereEachValueLives() throws Exception {
        Path base = write("compose.yaml", BASE);
        Path over = write("compose.override.yaml", OVERRIDE);
        CliRun diff = CliRun.run("rewrite", "--only", "CF103", "--diff", base.toString());
        assertEquals(0, diff.exit(), diff.err());
        assertTrue(diff.out().contains("--- " + base) && diff.out().contains("--- " + over), diff.out());
        CliRun stdout = CliRun.run("rewrite", "--only", "CF103", base.toString());
        assertEquals(2, stdout.exit(), "standard output cannot hold two files");
        assertTrue(stdout.err().contains("use --diff, --check or --in-place"), stdout.err());
        assertEquals(BASE, Files.readString(base));
        CliRun inPlace = CliRun.run("rewrite", "--only", "CF103", "-i", base.toString());
        assertEquals(0, inPlace.exit(), inPlace.err());
        assertFalse(Files.readString(over).contains("interval: 10s"), "db's interval is changed where it is set");
        assertFalse(Files.readString(base).contains("interval: 10s"), "web's interval too");
        assertEquals(0, CliRun.run("rewrite", "--only", "CF103", "--check", base.toString()).exit());
    }

    @Test
    void intoLeavesEveryFileAloneAndGivesTheSameModel() throws Exception {
        Path base = write("docker-compose.yml", BASE);
        String original = Files.readString(base);
        Path copy = write("copy/docker-compose.yml", BASE);
        CliRun inPlace = CliRun.run("rewrite", "--ignore-environment", "-i", copy.toString());
        assertEquals(0, inPlace.exit(), inPlace.err());
        Path into = dir.resolve("docker-compose.override.yml");
        CliRun r = CliRun.run("rewrite", "--ignore-environment", "--into", into.toString(), base.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(original, Files.readString(base), "the base is untouched");
        assertTrue(Files.readString(into).startsWith("services:\n  web:\n"), Files.readString(into));
        ProjectLoader loader = new ProjectLoader(new ProjectLoader.Options(dir, List.of(), Variables.NONE));
        ComposeFile viaInto = loader.load(List.of(base.toString(), into.toString()));
        ComposeFile viaInPlace = new ProjectLoader(new ProjectLoader.Options(dir, List.of(), Variables.NONE))
                .load(List.of(copy.toString()));
        assertEquals(List.of(), TreeDiff.differences(canonical(viaInPlace), canonical(viaInto)));
        CliRun again = CliRun.run("rewrite", "--ignore-environment", "--into", into.toString(), "--check",
                base.toString());
        assertEquals(0, again.exit(), "--into is idempotent: " + again.out());
    }

    @Test
    void intoReportsTheProblemsOfTheUsersFilesNotOfItsSeededEntries() throws Exception {
        // --into seeds the override with an empty entry per service while it works; a service the
        // rewrite adds nothing to keeps no entry. Neither the seeds nor their removal are problems fixed.
        Path base = write("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n"
                + "  done:\n    image: busybox:1.36\n    mem_limit: 64m\n    cpus: 0.5\n");
        Path into = dir.resolve("docker-compose.override.yml");
        CliRun r = CliRun.run("rewrite", "--ignore-environment", "--only", "CF101,CF102,CF501", "--into",
                into.toString(), base.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("fixed 2 problems (missing-cpu-limit x1, missing-memory-limit x1)"), r.err());
        assertFalse(r.err().contains("schema-violation"), r.err());
        assertFalse(Files.readString(into).contains("done"), Files.readString(into));
    }

    /** The model with depends_on in the long form, as Compose normalizes it, so both forms compare equal. */
    private static dev.composefix.yaml.YNode canonical(ComposeFile f) throws Exception {
        return dev.composefix.project.Merger.mergeFiles(f.root(), (dev.composefix.yaml.YMapping)
                new dev.composefix.yaml.YamlLoader().load("services: {}\n").root());
    }

    /**
     * Projects that include one file each report what is wrong in it, and the report says each thing once:
     * printed as the run goes (enough projects to stream) and written whole with {@code -o} alike.
     */
    @Test
    void aFileManyProjectsIncludeHasEachFindingOnce() throws Exception {
        Path common = write("common.yml", "services:\n  web:\n    image: nginx\n");
        List<String> args = new java.util.ArrayList<>(List.of("lint"));
        for (int i = 0; i < StreamedLint.FROM + 2; i++) {
            args.add(write("p" + i + "/compose.yaml", "include:\n  - ../common.yml\nservices:\n  app" + i
                    + ":\n    image: redis:7\n").toString());
        }
        CliRun streamed = CliRun.run(args.toArray(new String[0]));
        CliRun alone = CliRun.run("lint", args.get(1));
        String prefix = common.toString() + ":";
        long once = alone.out().lines().filter(l -> l.startsWith(prefix)).count();
        assertTrue(once >= 3, "the included file has findings of its own: " + alone.out());
        assertEquals(once, streamed.out().lines().filter(l -> l.startsWith(prefix)).count(), streamed.out());
        Path report = dir.resolve("report.txt");
        List<String> whole = new java.util.ArrayList<>(args);
        whole.add(1, "-o");
        whole.add(2, report.toString());
        CliRun written = CliRun.run(whole.toArray(new String[0]));
        assertEquals(streamed.exit(), written.exit());
        assertEquals(streamed.out(), Files.readString(report));
    }
}
