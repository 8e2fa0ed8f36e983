package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.rewrite.AtomicWrite;
import dev.composefix.rewrite.RewriteLock;
import dev.composefix.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewrite -i}: permissions, symbolic links, read-only files and directories, abandoned temporary files. */
class InPlaceWriteTest {

    static final String STACK = "services:\n  web:\n    image: nginx:1.27\n";

    @TempDir
    Path dir;

    private static String rewritten(Path file) {
        CliRun r = CliRun.run("rewrite", "--ignore-environment", file.toString());
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    @Test
    void permissionsAreKept() throws Exception {
        Path f = Files.writeString(dir.resolve("compose.yaml"), STACK);
        String expected = rewritten(f);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, CliRun.run("rewrite", "--ignore-environment", "-i", f.toString()).exit());
        assertEquals(expected, Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of("compose.yaml"), names(), "no temporary or lock file is left");
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws Exception {
        Files.createDirectories(dir.resolve("real"));
        Path target = Files.writeString(dir.resolve("real/compose.yaml"), STACK);
        String expected = rewritten(target);
        Path link = Files.createSymbolicLink(dir.resolve("compose.yaml"), Path.of("real/compose.yaml"));
        CliRun r = CliRun.run("rewrite", "--ignore-environment", "-i", link.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("real/compose.yaml"), Files.readSymbolicLink(link));
        assertEquals(expected, Files.readString(target));
    }

    @Test
    void aReadOnlyFileOrDirectoryIsAClearErrorAndStaysAsItWas() throws Exception {
        Path f = Files.writeString(dir.resolve("compose.yaml"), STACK);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        CliRun r = CliRun.run("rewrite", "--ignore-environment", "-i", f.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("cannot write " + f + ": the file is read-only; nothing was written"), r.err());
        assertEquals(STACK, Files.readString(f));

        Files.createDirectories(dir.resolve("locked"));
        Path g = Files.writeString(dir.resolve("locked/compose.yaml"), STACK);
        Files.setPosixFilePermissions(dir.resolve("locked"), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CliRun d = CliRun.run("rewrite", "--ignore-environment", "-i", g.toString());
            assertEquals(2, d.exit(), d.err());
            assertTrue(d.err().contains("cannot write " + g + ": the directory " + g.toRealPath().getParent()
                    + " is not writable; nothing was written"), d.err());
            assertEquals(STACK, Files.readString(g));
        } finally {
            Files.setPosixFilePermissions(dir.resolve("locked"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void temporaryFilesOfWritersThatAreGoneAreRemovedAndOthersKept() throws Exception {
        Path f = Files.writeString(dir.resolve("compose.yaml"), STACK);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = Files.writeString(AtomicWrite.temporary(f, gone.pid()), "services: {}\n");
        Path live = Files.writeString(AtomicWrite.temporary(f, ProcessHandle.current().parent().orElseThrow().pid()),
                "half");
        Path otherFile = Files.writeString(AtomicWrite.temporary(dir.resolve("other.yaml"), gone.pid()), "x");
        assertEquals(0, CliRun.run("rewrite", "--ignore-environment", "-i", f.toString()).exit());
        assertFalse(Files.exists(abandoned), "the writer is gone");
        assertTrue(Files.exists(live), "the writer still runs");
        assertTrue(Files.exists(otherFile), "a temporary file of another file is that file's business");
        assertFalse(Files.exists(RewriteLock.lockFile(f)));
    }

    @Test
    void aLockFileLeftMarkedByADeadHolderIsRemoved() throws Exception {
        Path f = Files.writeString(dir.resolve("compose.yaml"), STACK);
        String expected = rewritten(f);
        // What a holder killed between marking its lock file and deleting it leaves behind.
        Files.writeString(RewriteLock.lockFile(f.toRealPath()), "x");
        CliRun r = CliRun.run("rewrite", "--ignore-environment", "-i", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(expected, Files.readString(f));
        assertEquals(List.of("compose.yaml"), names());
    }

    private List<String> names() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
