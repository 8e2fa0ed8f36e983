package dev.composefix.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComposeFilesTest {

    @TempDir
    Path root;

    private Path file(String relative) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "services: {}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml",
        "compose.override.yaml", "docker-compose.override.yml", "docker-compose.prod.yml",
        "compose.dev.yaml", "docker-compose-dev.yml", "compose-ci.yaml", "Compose.YAML",
        "DOCKER-COMPOSE.YML", "docker-compose.a.b.c.yaml"})
    void composeFileNames(String name) {
        assertTrue(ComposeFiles.isComposeFileName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "composer.json", "compose.json", "my-compose.yml", "docker-compose.yml.bak", "compose.yaml~",
        "compose", "compose.yamlx", "docker_compose.yml", "composeyaml", "dockercompose.yml",
        "docker-composer.yml", "values.yaml", ".compose.yaml", "compose.yaml.orig"})
    void otherNames(String name) {
        assertFalse(ComposeFiles.isComposeFileName(name), name);
    }

    @Test
    void directoriesAreSearchedAndExplicitFilesTakenWhateverTheirName() throws IOException {
        file("app/compose.yaml");
        file("app/sub/docker-compose.override.yml");
        file("app/README.md");
        Path odd = file("stack.yaml");

        Discovered found = new ComposeFiles().find(List.of(odd, root.resolve("app")));

        assertEquals(List.of(odd, root.resolve("app/compose.yaml"), root.resolve("app/sub/docker-compose.override.yml")),
                found.files());
        assertEquals(List.of(), found.problems());
    }

    @Test
    void anExplicitFileIsTakenEvenWhenIgnored() throws IOException {
        Files.writeString(root.resolve(".gitignore"), "*.yaml\n");
        Path ignored = file("compose.yaml");

        Discovered found = new ComposeFiles().find(List.of(root, ignored));

        assertEquals(List.of(ignored), found.files());
    }

    @Test
    void aMissingPathIsAProblemAndTheOthersAreStillFound() throws IOException {
        Path present = file("compose.yaml");
        Path missing = root.resolve("nope/compose.yaml");

        Discovered found = new ComposeFiles().find(List.of(missing, present));

        assertEquals(List.of(present), found.files());
        assertEquals(List.of(new Problem(missing, "no such file or directory")), found.problems());
    }

    @Test
    void aFileReachedTwiceIsListedOnceWhereFirstReached() throws IOException {
        Path a = file("a/compose.yaml");
        Path b = file("b/compose.yaml");
        Path link = root.resolve("c/compose.yaml");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, a);

        Discovered found = new ComposeFiles().find(
                List.of(b, root, root.resolve("a"), root.resolve("c"), root.resolve("a/../b/compose.yaml")));

        assertEquals(List.of(b, a), found.files());
        assertEquals(List.of(), found.problems());
    }

    @Test
    void argumentsKeepTheirSpelling() throws IOException {
        file("fixtures/x/sub/compose.yaml");
        Path cwd = Path.of("").toAbsolutePath();
        Path relative = cwd.relativize(root.resolve("fixtures/x"));

        Discovered found = new ComposeFiles().find(List.of(relative));

        assertEquals(List.of(relative.resolve("sub/compose.yaml")), found.files());
        assertFalse(found.files().get(0).isAbsolute());
        assertEquals(relative + "/sub/compose.yaml", found.files().get(0).toString());
    }

    @Test
    void problemsOfTheWalkAreReported() throws IOException {
        Files.createSymbolicLink(root.resolve("compose.yaml"), root.resolve("gone"));
        Path dangling = root.resolve("dangling.yaml");
        Files.createSymbolicLink(dangling, root.resolve("gone"));

        Discovered found = new ComposeFiles().find(List.of(root, dangling));

        assertEquals(List.of(), found.files());
        assertEquals(List.of(new Problem(root.resolve("compose.yaml"), "broken symbolic link"),
                new Problem(dangling, "broken symbolic link")), found.problems());
    }

    /** The name grammar as the regular expression it was matched with before: the reference for the hand-written test. */
    private static final Pattern NAME = Pattern.compile("(docker-)?compose([.-][^/]*)?\\.ya?ml", Pattern.CASE_INSENSITIVE);

    /** Generated names (seeded; -Dcomposefix.composeNameSeed=N replays) are Compose names by hand as by the expression. */
    @Test
    void namesAreReadAsTheRegularExpressionDid() {
        String given = System.getProperty("composefix.composeNameSeed");
        long seed = given != null ? Long.parseLong(given) : new Random().nextLong();
        Random random = new Random(seed);
        String[] pieces = {"docker-", "DOCKER-", "compose", "COMPOSE", "Compose", "compo\u017fe", "\u212aompose", ".",
            "-", "_", "override", "prod", ".yml", ".yaml", ".YML", ".Yaml", "yml", "yaml", "/", "a", " ", "\u00e9", ".ym",
            ".ya", "ml", "\n"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(6);
            for (int k = 0; k < length; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String name = b.toString();
            assertEquals(NAME.matcher(name).matches(), ComposeFiles.isComposeFileName(name), "seed " + seed + ": '" + name + "'");
        }
    }
}
