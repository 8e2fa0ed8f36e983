package dev.composefix.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWalkerTest {

    @TempDir
    Path root;

    private static final Predicate<Path> ALL = p -> true;
    private static final Predicate<Path> YAML = p -> p.getFileName().toString().endsWith(".yaml");

    private Path file(String relative) throws IOException {
        return file(relative, "");
    }

    private Path file(String relative, String content) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    /** The walk's files, relative to {@code base}, '/'-separated. */
    private static List<String> names(Discovered found, Path base) {
        return found.files().stream()
                .map(p -> base.relativize(p).toString().replace('\\', '/'))
                .collect(Collectors.toList());
    }

    private List<String> walk(Predicate<Path> accept) {
        Discovered found = new ProjectWalker().walk(root, accept);
        assertEquals(List.of(), found.problems());
        return names(found, root);
    }

    @Test
    void walksNestedDirectoriesDepthFirstInNameOrder() throws IOException {
        file("compose.yaml");
        file("c.yaml");
        file("b/compose.yaml");
        file("a/z/compose.yaml");
        file("a/compose.yaml");
        file("a/notes.txt");
        Files.createDirectories(root.resolve("empty"));

        assertEquals(List.of("a/compose.yaml", "a/z/compose.yaml", "b/compose.yaml", "c.yaml", "compose.yaml"),
                walk(YAML));
    }

    @Test
    void skipsIgnoredFilesAndNeverEntersIgnoredDirectories() throws IOException {
        file(".gitignore", "build/\n*.log\n!keep.log\n/top-only.yaml\n");
        file("build/compose.yaml");
        file("build/keep.log");
        file("a.log");
        file("keep.log");
        file("top-only.yaml");
        file("src/top-only.yaml");
        file("src/x.log");
        List<Path> listed = new ArrayList<>();
        ProjectWalker walker = new ProjectWalker(dir -> {
            listed.add(dir);
            try (var entries = Files.list(dir)) {
                return entries.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            }
        });

        Discovered found = walker.walk(root, ALL);

        assertEquals(List.of(".gitignore", "keep.log", "src/top-only.yaml"), names(found, root));
        assertEquals(List.of(root, root.resolve("src")), listed);
    }

    @Test
    void skipsGitAndNodeModulesDirectories() throws IOException {
        file(".git/compose.yaml");
        file("node_modules/pkg/compose.yaml");
        file("web/node_modules/compose.yaml");
        file("web/compose.yaml");

        assertEquals(List.of("web/compose.yaml"), walk(YAML));
    }

    @Test
    void deeperGitignoreOverridesShallowerOne() throws IOException {
        file(".gitignore", "*.yaml\n");
        file("sub/.gitignore", "!compose.yaml\n");
        file("compose.yaml");
        file("sub/compose.yaml");
        file("sub/other.yaml");
        file("sub/deeper/compose.yaml");

        assertEquals(List.of("sub/compose.yaml", "sub/deeper/compose.yaml"), walk(YAML));
    }

    @Test
    void honoursInfoExcludeAndTheRepositoryRulesAboveTheStart() throws IOException {
        file(".git/info/exclude", "secret/\n");
        file(".gitignore", "*.tmp.yaml\n");
        file("secret/compose.yaml");
        file("app/secret/compose.yaml");
        file("app/a.tmp.yaml");
        file("app/compose.yaml");

        assertEquals(List.of("app/compose.yaml"), walk(YAML));

        Path app = root.resolve("app");
        Discovered inApp = new ProjectWalker().walk(app, YAML);
        assertEquals(List.of("compose.yaml"), names(inApp, app));
    }

    @Test
    void anchoredPatternsOfTheRepositoryRootApplyWhenStartingBelowIt() throws IOException {
        file(".git/HEAD");
        file(".gitignore", "/app/generated/\n");
        file("app/generated/compose.yaml");
        file("app/compose.yaml");

        Path app = root.resolve("app");
        assertEquals(List.of("compose.yaml"), names(new ProjectWalker().walk(app, YAML), app));
    }

    @Test
    void aGitFileMarksTheRepositoryRootAsInAWorktree() throws IOException {
        file(".git", "gitdir: /elsewhere/.git/worktrees/x\n");
        file(".gitignore", "/ignored/\n");
        file("ignored/compose.yaml");
        file("app/ignored/compose.yaml");

        Path app = root.resolve("app");
        assertEquals(List.of("ignored/compose.yaml"), names(new ProjectWalker().walk(app, YAML), app));
    }

    @Test
    void aNestedRepositoryHasItsOwnRules() throws IOException {
        file(".gitignore", "*.yaml\n!/inner/\n");
        file("inner/.git/HEAD");
        file("inner/.gitignore", "other.yaml\n");
        file("inner/compose.yaml");
        file("inner/other.yaml");
        file("compose.yaml");

        assertEquals(List.of("inner/compose.yaml"), walk(YAML));
    }

    @Test
    void symlinkLoopTerminatesAndListsEachFileOnce() throws IOException {
        file("a/compose.yaml");
        file("a/b/compose.yaml");
        Files.createSymbolicLink(root.resolve("a/b/up"), root.resolve("a"));
        Files.createSymbolicLink(root.resolve("a/self"), Path.of("."));
        Files.createSymbolicLink(root.resolve("a/b/top"), Path.of("../.."));

        List<String> found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> walk(YAML));

        assertEquals(List.of("a/b/compose.yaml", "a/compose.yaml"), found);
    }

    @Test
    void followsSymlinksToFilesAndDirectoriesOutsideTheTree(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("real.yaml"), "");
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/compose.yaml"), "");
        Path project = Files.createDirectories(root.resolve("project"));
        Files.createSymbolicLink(project.resolve("link.yaml"), outside.resolve("real.yaml"));
        Files.createSymbolicLink(project.resolve("ext"), outside.resolve("dir"));

        Discovered found = new ProjectWalker().walk(project, YAML);

        assertEquals(List.of(), found.problems());
        assertEquals(List.of(project.resolve("ext/compose.yaml"), project.resolve("link.yaml")), found.files());
    }

    @Test
    void aDirectoryOnlyPatternMatchesASymlinkToADirectory(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("compose.yaml"), "");
        file(".gitignore", "ext/\n");
        Files.createSymbolicLink(root.resolve("ext"), outside);

        assertEquals(List.of(), walk(YAML));
    }

    @Test
    void aSymlinkedGitignoreIsNotReadLikeInGit() throws IOException {
        file("rules", "*.yaml\n");
        Files.createSymbolicLink(root.resolve(".gitignore"), Path.of("rules"));
        file("compose.yaml");

        assertEquals(List.of("compose.yaml"), walk(YAML));
    }

    @Test
    void aBrokenSymlinkTheCallerWantsIsAProblem() throws IOException {
        Files.createSymbolicLink(root.resolve("compose.yaml"), root.resolve("missing"));
        Files.createSymbolicLink(root.resolve("unrelated.txt"), root.resolve("missing"));

        Discovered found = new ProjectWalker().walk(root, YAML);

        assertEquals(List.of(), found.files());
        assertEquals(List.of(new Problem(root.resolve("compose.yaml"), "broken symbolic link")), found.problems());
    }

    @Test
    void anUnreadableDirectoryIsAProblemNotAnException() throws IOException {
        file("a/compose.yaml");
        file("locked/compose.yaml");
        file("z/compose.yaml");
        Path locked = root.resolve("locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked),
                    "running as root (or similar): permissions cannot make a directory unreadable");

            Discovered found = new ProjectWalker().walk(root, YAML);

            assertEquals(List.of("a/compose.yaml", "z/compose.yaml"), names(found, root));
            assertEquals(1, found.problems().size());
            assertEquals(locked, found.problems().get(0).path());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aDirectoryThatCannotBeListedIsAProblemAndTheWalkGoesOn() throws IOException {
        file("a/compose.yaml");
        file("locked/compose.yaml");
        file("z/compose.yaml");
        Path locked = root.resolve("locked");
        ProjectWalker walker = new ProjectWalker(dir -> {
            if (dir.equals(locked)) {
                throw new AccessDeniedException(dir.toString());
            }
            try (var entries = Files.list(dir)) {
                return entries.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            }
        });

        Discovered found = walker.walk(root, YAML);

        assertEquals(List.of("a/compose.yaml", "z/compose.yaml"), names(found, root));
        assertEquals(List.of(new Problem(locked, "cannot read directory: permission denied")), found.problems());
    }

    @Test
    void aRelativeStartGivesRelativeResults() throws IOException {
        file("x/sub/compose.yaml");
        Path relative = Path.of("").toAbsolutePath().relativize(root.resolve("x"));
        assertFalse(relative.isAbsolute());

        Discovered found = new ProjectWalker().walk(relative, YAML);

        assertEquals(List.of(relative.resolve("sub").resolve("compose.yaml")), found.files());
    }

    @Test
    void aStartThatIsNotADirectoryIsAProblem() throws IOException {
        Path plain = file("plain.yaml");
        Path missing = root.resolve("missing");

        assertEquals(List.of(new Problem(plain, "not a directory")),
                new ProjectWalker().walk(plain, ALL).problems());
        assertEquals(List.of(new Problem(missing, "no such file or directory")),
                new ProjectWalker().walk(missing, ALL).problems());
    }

    @Test
    void aLargeDirectoryWithManyPatternsIsQuick() throws IOException {
        StringBuilder gitignore = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            gitignore.append("*.gen").append(i).append("\n/**/cache").append(i).append("/\n[a-c]*").append(i)
                    .append("?.tmp\n!keep").append(i).append(".tmp\n");
        }
        file(".gitignore", gitignore.toString());
        Path big = Files.createDirectories(root.resolve("big"));
        for (int i = 0; i < 5000; i++) {
            Files.createFile(big.resolve("file" + i + (i % 10 == 0 ? ".yaml" : ".txt")));
        }

        List<String> found = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> walk(YAML));

        assertEquals(500, found.size());
        assertTrue(found.get(0).startsWith("big/file0"));
    }
}
