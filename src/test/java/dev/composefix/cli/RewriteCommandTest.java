package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.cli.faulty.ObsoleteVersionKey;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.rules.ParseError;
import dev.composefix.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rewrite command end to end: output modes, exit codes, and never damaging the user's file. */
class RewriteCommandTest {

    @TempDir
    Path dir;

    private static final String OLD = "version: '3'\nservices:\n  web:\n    image: nginx:1.27\n    mem_limit: 64m\n"
            + "    cpus: 0.5\n";
    private static final String NEW = "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 64m\n    cpus: 0.5\n";

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void printsTheRewrittenFileAndASummary() throws Exception {
        CliRun r = CliRun.run("rewrite", "--ignore-environment", write("compose.yaml", OLD).toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(NEW, r.out());
        assertTrue(r.err().contains("fixed 1 problem (obsolete-version-key x1)"), r.err());
    }

    /** A stack of {@code n} PostgreSQL services publishing their port: a fix rewrite needs --unsafe-fixes for. */
    private static String exposedDatabases(int n) {
        StringBuilder b = new StringBuilder("services:\n");
        for (int i = 0; i < n; i++) {
            b.append("  db").append(i).append(":\n    image: postgres:16\n    mem_limit: 512m\n    cpus: 1\n")
                    .append("    ports: [\"").append(15000 + i).append(":5432\"]\n");
        }
        return b.toString();
    }

    @Test
    void namesEachProblemNotFixedUpToALimitThenCountsTheRest() throws Exception {
        Path few = write("few.yaml", exposedDatabases(3));
        CliRun r = CliRun.run("rewrite", "--ignore-environment", few.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> notFixed = r.err().lines().filter(l -> l.contains("not fixed without --unsafe-fixes: "))
                .toList();
        assertEquals(3, notFixed.size(), r.err());
        assertTrue(notFixed.get(0).contains(few + ":6:13: database-port-exposed 'db0'"), notFixed.get(0));
        assertFalse(r.err().contains("more not fixed"), r.err());

        int n = RewriteCommand.NOT_FIXED_SHOWN + 15;
        Path many = write("many.yaml", exposedDatabases(n));
        r = CliRun.run("rewrite", "--ignore-environment", many.toString());
        assertEquals(0, r.exit(), r.err());
        notFixed = r.err().lines().filter(l -> l.contains("not fixed without --unsafe-fixes: ")).toList();
        assertEquals(RewriteCommand.NOT_FIXED_SHOWN, notFixed.size(), r.err());
        assertTrue(r.err().contains("composefix: " + many + ": 15 more not fixed (composefix lint " + many
                + " lists them)\n"), r.err());
    }

    @Test
    void checkExitsOneWithADiffAndZeroWhenClean() throws Exception {
        Path f = write("compose.yaml", OLD);
        CliRun r = CliRun.run("rewrite", "--check", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("--- " + f + "\n+++ " + f + "\n@@ -1,4 +1,3 @@\n-version: '3'\n services:\n"),
                r.out());
        CliRun clean = CliRun.run("rewrite", "--check", write("clean.yaml", NEW).toString());
        assertEquals(0, clean.exit());
        assertEquals("", clean.out());
    }

    @Test
    void inPlaceReplacesTheFileKeepingItsPermissionsAndLinks() throws Exception {
        Path f = write("compose.yaml", OLD);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        Path link = dir.resolve("link.yaml");
        Files.createSymbolicLink(link, f.getFileName());
        CliRun r = CliRun.run("rewrite", "-i", link.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(NEW, Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of("compose.yaml", "link.yaml"), names());
    }

    @Test
    void inPlaceAndCheckTakeSeveralFilesAsPreCommitPassesThem() throws Exception {
        Path a = write("a.yaml", OLD);
        Path b = write("b.yaml", NEW);
        Path broken = write("broken.yaml", "services:\n  a: {image: x}\n  a: {image: y}\n");
        Path c = write("c.yaml", OLD);
        CliRun check = CliRun.run("rewrite", "--check", a.toString(), b.toString());
        assertEquals(1, check.exit(), check.err());
        CliRun r = CliRun.run("rewrite", "-i", a.toString(), b.toString(), broken.toString(), c.toString());
        assertEquals(2, r.exit(), "the broken file exits 2, the others are still rewritten: " + r.err());
        assertEquals(NEW, Files.readString(a));
        assertEquals(NEW, Files.readString(b));
        assertEquals(NEW, Files.readString(c));
        assertTrue(r.err().contains(broken + ":3:3: error parse-error duplicate key 'a'"), r.err());
        CliRun stdout = CliRun.run("rewrite", a.toString(), b.toString());
        assertEquals(2, stdout.exit());
        assertTrue(stdout.err().contains("several files need --in-place, --diff or --check"), stdout.err());
    }

    @Test
    void inPlaceWritesNothingWhenNothingChanges() throws Exception {
        Path f = write("compose.yaml", NEW);
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(f, before);
        assertEquals(0, CliRun.run("rewrite", "--in-place", f.toString()).exit());
        assertEquals(before, Files.getLastModifiedTime(f));
    }

    @Test
    void aFailingFixWritesNothingAndExitsThree() throws Exception {
        Path f = write("compose.yaml", OLD);
        byte[] original = Files.readAllBytes(f);
        RuleCatalog faulty = new RuleCatalog(List.of(new ObsoleteVersionKey()), List.of(ParseError.NAME));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, false);
        int exit = Main.run(io, faulty, "rewrite", "--in-place", f.toString());
        assertEquals(ExitCode.INTERNAL, exit);
        assertArrayEquals(original, Files.readAllBytes(f), "the original is kept byte for byte");
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("failed in the fix of rule obsolete-version-key") && e.contains("does not parse")
                && e.contains("Nothing was written"), e);
        assertEquals(List.of("compose.yaml"), names(), "no temporary file is left behind");
    }

    @Test
    void unsafeFixesOnlyWithTheFlag() throws Exception {
        Path f = write("compose.yaml", OLD);
        RuleCatalog unsafe = new RuleCatalog(List.of(new dev.composefix.cli.unsafe.ObsoleteVersionKey()),
                List.of(ParseError.NAME));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, false);
        assertEquals(0, Main.run(io, unsafe, "rewrite", f.toString()));
        assertEquals(OLD, out.toString(StandardCharsets.UTF_8), "an unsafe fix is not applied by default");
        out.reset();
        assertEquals(0, Main.run(io, unsafe, "rewrite", "--unsafe-fixes", f.toString()));
        assertEquals(NEW, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void outputFileAndStandardInput() throws Exception {
        Path out = dir.resolve("out.yaml");
        CliRun r = CliRun.run(Map.of(), OLD, "rewrite", "-o", out.toString(), "-");
        assertEquals(0, r.exit(), r.err());
        assertEquals(NEW, Files.readString(out));
        assertEquals("", r.out());
    }

    @Test
    void byteOrderMarkAndCrlfSurvive() throws Exception {
        Path f = dir.resolve("compose.yaml");
        Files.write(f, ("\uFEFF" + OLD.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        assertEquals(0, CliRun.run("rewrite", "-i", f.toString()).exit());
        assertArrayEquals(("\uFEFF" + NEW.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(f));
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path f = write("compose.yaml", OLD);
        assertEquals(2, CliRun.run("rewrite", "--diff", "--check", f.toString()).exit());
        assertEquals(2, CliRun.run(Map.of(), OLD, "rewrite", "-i", "-").exit());
        assertEquals(2, CliRun.run("rewrite", dir.resolve("missing.yaml").toString()).exit());
        assertEquals(2, CliRun.run("rewrite").exit());
        CliRun bad = CliRun.run("rewrite", write("bad.yaml", "services:\n  a: [\n").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("bad.yaml:3:1: error parse-error"), bad.err());
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
