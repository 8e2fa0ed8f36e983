package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.composefix.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks of {@code .pre-commit-hooks.yaml}, run by the real {@code pre-commit} (Debian's package,
 * which .ci/run installs) in a fresh git repository whose config names this repository as the hook
 * source: a bad compose file fails the commit with the finding shown, a good one passes, and the rewrite
 * hook fixes a file and fails the commit that brought it. The hook source is a git snapshot of what
 * the hooks need from this working tree (the hook list, the launcher, and what it builds the jar from),
 * cloned by pre-commit from a local path, so no network is used. Without pre-commit the test skips with
 * a message; under CI (CI=true) it fails instead.
 */
class PreCommitHooksTest {

    @TempDir
    Path tmp;

    private Map<String, String> env;

    private static final String BAD = "services:\n  web:\n    image: nginx:1.27\n";
    private static final String GOOD = "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 128m\n    cpus: 0.5\n";
    private static final String FIXABLE = "version: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n"
            + "    mem_limit: 128m\n    cpus: 0.5\n";

    /** A finished process: exit code and everything it printed. */
    record Result(int exit, String output) {
    }

    private Result run(Path dir, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private Result ok(Path dir, String... command) throws Exception {
        Result r = run(dir, command);
        assertEquals(0, r.exit(), String.join(" ", command) + " failed:\n" + r.output());
        return r;
    }

    /** Skips (outside CI) or fails (under CI) when pre-commit is not installed. */
    private static void requirePreCommit() {
        String why;
        try {
            Process p = new ProcessBuilder("pre-commit", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            why = p.waitFor() == 0 ? null : "'pre-commit --version' failed";
        } catch (IOException | InterruptedException e) {
            why = "pre-commit is not installed (apt-get install pre-commit)";
        }
        if (why != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("pre-commit is required under CI: " + why);
            }
            System.err.println("composefix tests: skipping the pre-commit hook test: " + why);
            assumeTrue(false, "skipped: " + why);
        }
    }

    /** A git repository holding what the hooks need from this working tree, committed; returns the commit. */
    private String hookSource(Path source) throws Exception {
        Path root = Repo.root();
        List<Path> files = new ArrayList<>(List.of(root.resolve(".pre-commit-hooks.yaml"), root.resolve("composefix"),
                root.resolve("pom.xml")));
        for (String dir : List.of("src/main", "rules", "schemas")) {
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        for (Path f : files) {
            Path target = source.resolve(root.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        assertTrue(Files.isExecutable(source.resolve("composefix")), "the launcher is executable");
        ok(source, "git", "init", "-q");
        ok(source, "git", "add", "-A");
        ok(source, "git", "commit", "-q", "-m", "composefix hooks");
        return ok(source, "git", "rev-parse", "HEAD").output().strip();
    }

    @Test
    void hooksLintPassAndRewriteThroughRealCommits() throws Exception {
        requirePreCommit();
        Path gitConfig = Files.writeString(tmp.resolve("gitconfig"), "");
        env = new HashMap<>();
        env.put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-cache").toString());
        env.put("GIT_CONFIG_GLOBAL", gitConfig.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "composefix test");
        env.put("GIT_AUTHOR_EMAIL", "test@composefix.invalid");
        env.put("GIT_COMMITTER_NAME", "composefix test");
        env.put("GIT_COMMITTER_EMAIL", "test@composefix.invalid");
        env.put("NO_COLOR", "1");
        env.put("SKIP", "");

        Path source = Files.createDirectories(tmp.resolve("hook source"));
        String rev = hookSource(source);

        Path project = Files.createDirectories(tmp.resolve("project"));
        ok(project, "git", "init", "-q");
        Files.writeString(project.resolve(".pre-commit-config.yaml"), "repos:\n"
                + "  - repo: " + source.toAbsolutePath() + "\n"
                + "    rev: " + rev + "\n"
                + "    hooks:\n"
                + "      - id: composefix\n"
                + "      - id: composefix-rewrite\n"
                + "      - id: composefix-scripts\n");
        Files.writeString(project.resolve("README"), "a project with compose files\n");
        ok(project, "pre-commit", "install");
        ok(project, "git", "add", "-A");
        ok(project, "git", "commit", "-q", "-m", "pre-commit config");

        // A compose file without limits, in a subdirectory: the lint hook fails the commit and shows why.
        Path bad = Files.createDirectories(project.resolve("deploy")).resolve("docker-compose.yml");
        Files.writeString(bad, BAD);
        ok(project, "git", "add", "-A");
        env.put("SKIP", "composefix-rewrite");
        Result refused = run(project, "git", "commit", "-m", "add a stack");
        assertNotEquals(0, refused.exit(), refused.output());
        assertTrue(refused.output().contains("deploy/docker-compose.yml:2:3: warning missing-memory-limit"),
                refused.output());
        assertTrue(refused.output().matches("(?s).*composefix lint\\.+Failed.*"), refused.output());
        assertEquals(1, commits(project), "the commit was refused");

        // Fixed by hand: both hooks pass and the commit is made.
        Files.writeString(bad, GOOD);
        ok(project, "git", "add", "-A");
        env.put("SKIP", "");
        Result accepted = run(project, "git", "commit", "-m", "add a stack");
        assertEquals(0, accepted.exit(), accepted.output());
        assertTrue(accepted.output().matches("(?s).*composefix lint\\.+Passed.*composefix rewrite\\.+Passed.*"),
                accepted.output());
        assertEquals(2, commits(project));

        // A fixable file: the rewrite hook fixes it in place and fails the commit, as fixers do; the fixed
        // file then commits.
        Path fixable = project.resolve("compose.yaml");
        Files.writeString(fixable, FIXABLE);
        ok(project, "git", "add", "-A");
        env.put("SKIP", "composefix");
        Result rewritten = run(project, "git", "commit", "-m", "add another stack");
        assertNotEquals(0, rewritten.exit(), rewritten.output());
        assertTrue(rewritten.output().contains("files were modified by this hook"), rewritten.output());
        assertEquals(GOOD, Files.readString(fixable), "the version key is gone");
        assertEquals(2, commits(project));
        ok(project, "git", "add", "-A");
        env.put("SKIP", "");
        Result fixed = run(project, "git", "commit", "-m", "add another stack");
        assertEquals(0, fixed.exit(), fixed.output());
        assertEquals(3, commits(project));
        assertFalse(fixed.output().contains("Failed"), fixed.output());

        // A cleanup script that force-removes every container: the scripts hook fails the commit and
        // shows where; the graceful version commits.
        Path script = Files.createDirectories(project.resolve("ci")).resolve("cleanup.sh");
        Files.writeString(script, "#!/bin/sh\nset -e\ndocker rm -f $(docker ps -aq)\n");
        ok(project, "git", "add", "-A");
        Result forced = run(project, "git", "commit", "-m", "add a cleanup script");
        assertNotEquals(0, forced.exit(), forced.output());
        assertTrue(forced.output().contains("ci/cleanup.sh:3:11: error force-remove"), forced.output());
        assertTrue(forced.output().matches("(?s).*composefix scripts\\.+Failed.*"), forced.output());
        assertEquals(3, commits(project), "the commit was refused");
        Files.writeString(script, "#!/bin/sh\nset -e\ndocker stop -t 30 $(docker ps -q)\ndocker container prune -f\n");
        ok(project, "git", "add", "-A");
        Result graceful = run(project, "git", "commit", "-m", "add a cleanup script");
        assertEquals(0, graceful.exit(), graceful.output());
        assertTrue(graceful.output().matches("(?s).*composefix scripts\\.+Passed.*"), graceful.output());
        assertEquals(4, commits(project));
    }

    private int commits(Path project) throws Exception {
        return Integer.parseInt(ok(project, "git", "rev-list", "--count", "HEAD").output().strip());
    }
}
