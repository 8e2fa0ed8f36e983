package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.composefix.rewrite.AtomicWrite;
import dev.composefix.rewrite.RewriteLock;
import dev.composefix.testing.CliRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault injection: a child JVM rewrites a file in place and is killed with SIGKILL at each pause point
 * of {@link AtomicWrite}; the file is then always the complete original or the complete new version,
 * and the next run cleans up after it. Two children on the same file: the second waits for the
 * first's lock and then rewrites the first one's result.
 */
class KilledWriterTest {

    /** Big enough that half of it is a clearly broken file. */
    private static final String STACK;

    static {
        StringBuilder b = new StringBuilder("services:\n");
        for (int i = 0; i < 200; i++) {
            b.append("  s").append(i).append(":\n    image: nginx:1.27\n");
        }
        STACK = b.toString();
    }

    @TempDir
    Path dir;

    /** A child JVM running composefix with the pause point {@code pause} (or none). */
    private static Child start(Path file, String pause) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        if (pause != null) {
            cmd.add("-D" + AtomicWrite.PAUSE_PROPERTY + "=" + pause);
        }
        cmd.addAll(List.of(Main.class.getName(), "rewrite", "--ignore-environment", "-i", file.toString()));
        return new Child(new ProcessBuilder(cmd).start());
    }

    /** A child process whose standard error is read line by line as it comes. */
    private static final class Child {
        final Process process;
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuilder all = new StringBuilder();

        Child(Process p) {
            this.process = p;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (all) {
                            all.append(line).append('\n');
                        }
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the process is gone
                }
            });
            t.setDaemon(true);
            t.start();
        }

        /** Waits (generously: a hang detector, not a speed check) for a line starting with {@code prefix}. */
        void await(String prefix) throws Exception {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < until) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            process.destroyForcibly();
            fail("the child never printed '" + prefix + "'; it printed:\n" + err());
        }

        void resume() throws Exception {
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
        }

        int finish() throws Exception {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child hangs: " + err());
            return process.exitValue();
        }

        String err() {
            synchronized (all) {
                return all.toString();
            }
        }
    }

    @ParameterizedTest(name = "killed at {0}")
    @EnumSource(AtomicWrite.Pause.class)
    void theFileIsTheOldOrTheNewVersionNeverAMix(AtomicWrite.Pause at) throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yaml"), STACK);
        CliRun expected = CliRun.run("rewrite", "--ignore-environment", file.toString());
        assertEquals(0, expected.exit(), expected.err());
        assertFalse(expected.out().equals(STACK));

        Child child = start(file, at.id());
        child.await("composefix-pause: " + at.id());
        long pid = child.process.pid();
        child.process.destroyForcibly(); // SIGKILL on Linux
        child.finish();

        String now = Files.readString(file);
        boolean renamed = at == AtomicWrite.Pause.AFTER_RENAME;
        assertEquals(renamed ? expected.out() : STACK, now, "after a kill at " + at.id());
        Path tmp = AtomicWrite.temporary(file.toRealPath(), pid);
        boolean tmpWritten = at == AtomicWrite.Pause.HALF_TEMP || at == AtomicWrite.Pause.AFTER_FLUSH
                || at == AtomicWrite.Pause.BEFORE_RENAME;
        assertEquals(tmpWritten, Files.exists(tmp), "the temporary file carries the killed writer's id " + pid);

        // The next run removes what the killed one left and does its work.
        CliRun again = CliRun.run("rewrite", "--ignore-environment", "-i", file.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(expected.out(), Files.readString(file));
        assertFalse(Files.exists(tmp));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("compose.yaml"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aSecondRunWaitsForTheFirstAndRewritesItsResult() throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yaml"), STACK);
        String expected = CliRun.run("rewrite", "--ignore-environment", file.toString()).out();

        Child first = start(file, AtomicWrite.Pause.BEFORE_RENAME.id());
        first.await("composefix-pause: before-rename");
        Child second = start(file, "none"); // no pause point of that name: only the notice of waiting
        second.await("composefix-waiting: lock");
        assertTrue(Files.exists(RewriteLock.lockFile(file.toRealPath())));
        first.resume();
        assertEquals(0, first.finish(), first.err());
        assertEquals(0, second.finish(), second.err());
        assertTrue(first.err().contains("fixed "), first.err());
        assertTrue(second.err().contains("nothing to fix"), "the second run read the first one's result: "
                + second.err());
        assertEquals(expected, Files.readString(file));
        assertFalse(Files.exists(RewriteLock.lockFile(file.toRealPath())));
    }

    @Test
    void aRunWaitingForAKilledHolderGoesOn() throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yaml"), STACK);
        String expected = CliRun.run("rewrite", "--ignore-environment", file.toString()).out();
        Child first = start(file, AtomicWrite.Pause.HALF_TEMP.id());
        first.await("composefix-pause: half-temp");
        Child second = start(file, "none");
        second.await("composefix-waiting: lock");
        first.process.destroyForcibly();
        first.finish();
        assertEquals(0, second.finish(), second.err());
        assertTrue(second.err().contains("fixed "), second.err());
        assertEquals(expected, Files.readString(file));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("compose.yaml"), s.map(p -> p.getFileName().toString()).toList(),
                    "the killed writer's temporary file was removed, the lock file deleted");
        }
    }
}
