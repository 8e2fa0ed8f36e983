package dev.composefix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.CliRun;
import dev.composefix.testing.Repo;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    @TempDir
    Path dir;

    @Test
    void tableShowsNowAndAfterRewrite() {
        Path example = Repo.fixtures().resolve("examples/crashy-stack/docker-compose.yml");
        CliRun r = CliRun.run("plan", "--ignore-environment", "--host-memory", "4G", example.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("postgres  postgres   - -> 512M  - -> 256M    - -> 1"), r.out());
        assertTrue(r.out().contains("backend   built-app  1G         -            - -> 1"), r.out());
        assertTrue(r.out().contains("of the host's 4G"), r.out());
        assertTrue(r.out().matches("(?s).*health checks firing together: 360 s -> \\d+ s in the first hour.*"), r.out());
    }

    @Test
    void stagesFollowDependsOnAndCyclesAreNamed() throws Exception {
        Path f = dir.resolve("compose.yaml");
        Files.writeString(f, "services:\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [c]}\n"
                + "  c: {image: x}\n  d: {image: x, depends_on: [e]}\n  e: {image: x, depends_on: [d]}\n");
        CliRun r = CliRun.run("plan", "--format", "json", "--only", "CF106", f.toString());
        assertEquals(0, r.exit(), r.err());
        YMapping json = (YMapping) new YamlLoader().load(r.out()).root();
        YSequence services = (YSequence) ((YMapping) json.value("before")).value("services");
        StringBuilder stages = new StringBuilder();
        for (var item : services.items()) {
            YMapping row = (YMapping) item;
            stages.append(((YScalar) row.value("service")).value()).append('=')
                    .append(((YScalar) row.value("stage")).value()).append(' ');
        }
        assertEquals("a=3 b=2 c=1 d=0 e=0 ", stages.toString());
    }

    @Test
    void badFormatAndMissingFileAreUsageErrors() {
        assertEquals(2, CliRun.run("plan", "--format", "xml", "x.yaml").exit());
        assertEquals(2, CliRun.run("plan", dir.resolve("none.yaml").toString()).exit());
    }
}
