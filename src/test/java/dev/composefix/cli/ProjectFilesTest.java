package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of one directory given together group as each does alone: a base with its override, the others alone. */
class ProjectFilesTest {

    @TempDir
    Path dir;

    @Test
    void filesOfOneDirectoryGroupTogetherAsEachAlone() throws Exception {
        Path a = Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
        Path b = Files.writeString(dir.resolve("docker-compose.yml"), "services: {}\n");
        Path o = Files.writeString(dir.resolve("docker-compose.override.yml"), "services: {}\n");
        Path c = Files.writeString(dir.resolve("other.yml"), "services: {}\n");
        Files.writeString(dir.resolve(".env"), "X=1\n");
        List<Input> inputs = List.of(new Input(a.toString(), a, null), new Input(b.toString(), b, null),
                new Input(o.toString(), o, null), new Input(c.toString(), c, null), new Input(a.toString(), a, null));
        List<List<Input>> together = ProjectFiles.group(inputs, Map.of());
        for (int i = 0; i < inputs.size(); i++) {
            List<Path> alone = ProjectFiles.projectOf(inputs.get(i).path(), Map.of());
            boolean grouped = false;
            for (List<Input> project : together) {
                if (project.get(0).path().equals(alone.get(0))) {
                    assertEquals(alone, project.stream().map(Input::path).toList());
                    grouped = true;
                }
            }
            assertEquals(true, grouped, inputs.get(i).display());
        }
        assertEquals(List.of(List.of(a), List.of(b, o), List.of(c)),
                together.stream().map(p -> p.stream().map(Input::path).toList()).toList());
    }

    /**
     * Thousands of inputs are grouped with their projects looked up on every core: the same projects as one
     * thread makes, on seeded lists of bases, overrides, COMPOSE_FILE directories, repeats and missing
     * files. Replay one with -Dcomposefix.groupSeed=SEED.
     */
    @Test
    void manyInputsGroupAsOneThreadGroupsThem() throws Exception {
        List<Path> pool = new java.util.ArrayList<>();
        for (int d = 0; d < 6; d++) {
            Path sub = Files.createDirectories(dir.resolve("p" + d));
            pool.add(Files.writeString(sub.resolve(d % 2 == 0 ? "compose.yaml" : "docker-compose.yml"), "services: {}\n"));
            if (d % 3 != 2) {
                pool.add(Files.writeString(sub.resolve(d % 2 == 0 ? "compose.override.yaml"
                        : "docker-compose.override.yml"), "services: {}\n"));
            }
            pool.add(Files.writeString(sub.resolve("other" + d + ".yml"), "services: {}\n"));
            if (d == 4) {
                Files.writeString(sub.resolve(".env"), "COMPOSE_FILE=compose.yaml:extra.yml\n");
                pool.add(Files.writeString(sub.resolve("extra.yml"), "services: {}\n"));
            }
        }
        pool.add(dir.resolve("p9/compose.override.yml")); // an override whose directory is missing
        long seed = Long.getLong("composefix.groupSeed", 20261124L);
        for (long s = seed; s < seed + 20; s++) {
            java.util.Random random = new java.util.Random(s);
            List<Input> inputs = new java.util.ArrayList<>();
            int n = 60 + random.nextInt(140);
            for (int i = 0; i < n; i++) {
                Path p = pool.get(random.nextInt(pool.size()));
                inputs.add(new Input(p.toString(), p, null));
            }
            assertEquals(ProjectFiles.group(inputs, Map.of(), Integer.MAX_VALUE), ProjectFiles.group(inputs, Map.of(), 1),
                    "seed " + s);
        }
    }
}
