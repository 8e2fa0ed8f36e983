package dev.composefix.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;
import dev.composefix.model.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {

    @TempDir
    Path dir;

    private String write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p.toString();
    }

    private ComposeFile load(List<String> profiles, String... files) throws ProjectException {
        return new ProjectLoader(new ProjectLoader.Options(dir, profiles, Variables.NONE)).load(List.of(files));
    }

    @Test
    void valuesKeepTheFileAndLineTheyAreWrittenAt() throws Exception {
        String base = write("compose.yaml", "services:\n  web:\n    image: nginx\n    mem_limit: 1g\n");
        String over = write("compose.override.yaml", "services:\n  web:\n    mem_limit: 256m\n    cpus: 1\n");
        ComposeFile f = load(List.of(), base, over);
        Service web = f.service("web");
        assertEquals(256L << 20, web.memLimit().value());
        assertEquals(over, web.memLimit().node().start().source());
        assertEquals(3, web.memLimit().node().start().line());
        assertEquals(base, web.key().start().source(), "a service's key is where it is defined first");
        assertEquals(2, f.documents().size());
    }

    @Test
    void extendsInTheSameFileAndAnotherWithRelativePaths() throws Exception {
        write("common/base.yml", "services:\n  app:\n    image: node:22\n    mem_limit: 512m\n"
                + "    environment: {A: '1'}\n");
        String main = write("stack/compose.yaml", "services:\n  api:\n    extends:\n      file: ../common/base.yml\n"
                + "      service: app\n    environment: {B: '2'}\n  worker:\n    extends: api\n    cpus: 1\n");
        ComposeFile f = load(List.of(), main);
        Service api = f.service("api");
        assertEquals(512L << 20, api.memLimit().value());
        assertTrue(api.memLimit().node().start().source().endsWith("base.yml"));
        assertEquals(List.of("A", "B"), List.copyOf(api.environment().keySet()));
        assertNull(api.entry("extends"), "extends is resolved away");
        assertEquals("node:22", f.service("worker").image().value());
        assertEquals(1.0, f.service("worker").cpus().value());
    }

    @Test
    void extendsCyclesAndMissingServicesAreNamedWhereTheyAreWritten() throws Exception {
        String main = write("compose.yaml", "services:\n  a:\n    extends: b\n  b:\n    extends: a\n");
        ProjectException e = assertThrows(ProjectException.class, () -> load(List.of(), main));
        assertTrue(e.getMessage().startsWith("extends cycle: compose.yaml:a -> compose.yaml:b -> compose.yaml:a"),
                e.getMessage());
        assertEquals(main, e.file());
        String missing = write("m.yaml", "services:\n  a:\n    extends:\n      service: nope\n");
        e = assertThrows(ProjectException.class, () -> load(List.of(), missing));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertEquals(4, e.position().line());
    }

    @Test
    void includeMergesAnotherProjectWithItsOwnEnvFile() throws Exception {
        write("db/.env", "PG_MEM=384m\n");
        write("db/compose.yaml", "services:\n  db:\n    image: postgres:16\n    mem_limit: ${PG_MEM}\n");
        String main = write("compose.yaml", "include:\n  - db/compose.yaml\nservices:\n  app:\n    image: node:22\n"
                + "    depends_on: [db]\n");
        ComposeFile f = load(List.of(), main);
        assertEquals(384L << 20, f.service("db").memLimit().value(), "the included project's .env applies");
        assertEquals(List.of("db", "app"), f.services().stream().map(Service::name).toList());
        assertNull(f.root().get("include"));
    }

    @Test
    void includeCyclesMissingFilesAndEscapesAreErrors() throws Exception {
        String a = write("a.yaml", "include:\n  - b.yaml\nservices: {}\n");
        write("b.yaml", "include:\n  - a.yaml\nservices: {}\n");
        ProjectException e = assertThrows(ProjectException.class, () -> load(List.of(), a));
        assertTrue(e.getMessage().contains("include cycle"), e.getMessage());
        String missing = write("c.yaml", "include:\n  - nowhere.yaml\n");
        e = assertThrows(ProjectException.class, () -> load(List.of(), missing));
        assertTrue(e.getMessage().contains("no such file") && e.position().line() == 2, e.getMessage());
        String escape = write("d.yaml", "services:\n  x:\n    extends:\n      file: ../../etc/elsewhere.yml\n"
                + "      service: y\n");
        e = assertThrows(ProjectException.class, () -> load(List.of(), escape));
        assertTrue(e.getMessage().contains("outside the repository root"), e.getMessage());
    }

    @Test
    void profilesRestrictServicesOnlyWhenGiven() throws Exception {
        String f = write("compose.yaml", "services:\n  app: {image: a}\n  debug: {image: b, profiles: [debug]}\n"
                + "  tools: {image: c, profiles: [tools, ops]}\n");
        assertEquals(3, load(List.of(), f).services().size());
        assertEquals(List.of("app", "tools"), load(List.of("ops"), f).services().stream().map(Service::name).toList());
    }

    @Test
    void aSingleFileWithoutReferencesIsItsOwnTree() throws Exception {
        String f = write("compose.yaml", "services:\n  app: {image: a}\n");
        ComposeFile c = load(List.of(), f);
        assertEquals(c.document().root(), c.root(), "nothing is rebuilt when nothing is merged");
    }
}
