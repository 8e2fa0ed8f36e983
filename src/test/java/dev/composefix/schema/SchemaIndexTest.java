package dev.composefix.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.testing.Repo;
import dev.composefix.testing.TreeDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's schema index holds every shipped schema as the tree its JSON reads to, positions included, and a
 * schema compiled from the index is the one compiled from the JSON.
 */
class SchemaIndexTest {

    @Test
    void everyShippedSchemaIsIndexedAsItsJsonReads() throws Exception {
        List<Path> schemas;
        try (Stream<Path> s = Files.list(Repo.root().resolve("schemas"))) {
            schemas = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(schemas.size() >= 5, "schemas: " + schemas);
        for (Path p : schemas) {
            String path = "/schemas/" + p.getFileName();
            assertNotNull(SchemaIndex.tree(path), path + " is not in the index (mvn process-classes writes it)");
            assertEquals(TreeDump.of(SchemaIndex.parse(path, Files.readAllBytes(p))), TreeDump.of(SchemaIndex.tree(path)),
                    path);
        }
    }

    @Test
    void theComposeSchemaIsCompiledFromTheIndex() {
        assertTrue(SchemaCheck.resource("/schemas/compose.schema.json").compiled());
        assertNotNull(CompiledSchema.compile(SchemaIndex.tree("/schemas/compose.schema.json")));
    }

    /**
     * The schemas runs validate with are compiled a definition at a time, as validations reach them: every
     * part of each compiles, so a late one never meets a keyword the compiled checks lack.
     */
    @Test
    void everySchemaARunValidatesWithCompilesEntirely() {
        for (String path : List.of("/schemas/compose.schema.json", "/schemas/config.schema.json",
                "/schemas/baseline.schema.json")) {
            assertNotNull(CompiledSchema.compileEagerly(SchemaIndex.tree(path)), path);
            assertTrue(SchemaCheck.resource(path).compiled(), path);
        }
    }
}
