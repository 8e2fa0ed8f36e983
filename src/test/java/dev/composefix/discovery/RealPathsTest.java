package dev.composefix.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real path of a file that is no symbolic link, made from its directory's real path and its name
 * ({@link ComposeFiles.RealPaths#ofEntry}), is {@link Path#toRealPath}'s: through linked directories,
 * {@code ..} after a link, relative paths; and find() over such paths lists each file once, as before.
 */
class RealPathsTest {

    @TempDir
    Path root;

    private Path file(String relative) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "services: {}\n");
    }

    @Test
    void entriesResolveAsToRealPathDoes() throws IOException {
        file("a/b/compose.yaml");
        file("a/other.yml");
        file("c/docker-compose.yml");
        Files.createSymbolicLink(root.resolve("link"), root.resolve("a/b"));
        Files.createSymbolicLink(root.resolve("a/b/up"), root.resolve("c"));
        Files.createSymbolicLink(root.resolve("fileLink.yml"), root.resolve("a/other.yml"));
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> paths = new ArrayList<>(List.of(root.resolve("a/b/compose.yaml"), root.resolve("link/compose.yaml"),
                root.resolve("link/../other.yml"), root.resolve("a/b/../other.yml"), root.resolve("link/up/docker-compose.yml"),
                root.resolve("link/up/../a/b/compose.yaml"), root.resolve("./a/./b/compose.yaml"),
                root.resolve("a//other.yml")));
        if (root.startsWith(cwd)) {
            paths.add(cwd.relativize(root.resolve("a/other.yml")));
        }
        ComposeFiles.RealPaths real = new ComposeFiles.RealPaths();
        for (Path p : paths) {
            assertEquals(p.toRealPath(), real.ofEntry(p), p.toString());
            assertEquals(p.toRealPath(), real.ofEntry(p), p + " again");
        }
        Path link = root.resolve("fileLink.yml");
        assertEquals(true, Files.isSymbolicLink(link));
        assertEquals(link.toRealPath(), real.of(link));
        assertEquals(false, Files.readAttributes(root.resolve("a/other.yml"),
                java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink());
    }

    @Test
    void aFileReachedTwiceIsListedOnceWhereFirstReached() throws IOException {
        Path f = file("a/b/compose.yaml");
        Path other = file("a/other.yml");
        Files.createSymbolicLink(root.resolve("link"), root.resolve("a/b"));
        Files.createSymbolicLink(root.resolve("fileLink.yml"), other);
        Files.createSymbolicLink(root.resolve("broken.yml"), root.resolve("nowhere.yml"));
        Path viaLink = root.resolve("link/compose.yaml");
        Path viaDots = root.resolve("a/b/../b/compose.yaml");
        Path fileLink = root.resolve("fileLink.yml");
        Discovered found = new ComposeFiles().find(List.of(viaLink, f, viaDots, fileLink, other,
                root.resolve("broken.yml"), root.resolve("missing.yml"), root.resolve("a/other.yml/x"), root.resolve("a")));
        assertEquals(List.of(viaLink, fileLink), found.files());
        assertEquals(List.of(new Problem(root.resolve("broken.yml"), "broken symbolic link"),
                new Problem(root.resolve("missing.yml"), "no such file or directory"),
                new Problem(root.resolve("a/other.yml/x"), Problem.describe(notADirectory(root.resolve("a/other.yml/x"))))),
                found.problems());
    }

    private static IOException notADirectory(Path p) {
        try {
            Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
            throw new AssertionError(p + " exists");
        } catch (IOException e) {
            return e;
        }
    }
}
