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
}
