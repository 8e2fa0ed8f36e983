package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.composefix.testing.CliRun;
import dev.composefix.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every golden SARIF file, and SARIF for edge cases (no findings, a file outside the working
 * directory), is valid against the official SARIF 2.1.0 schema, read from
 * {@code ../shared/schemas-reference} (never copied into the repository).
 */
class SarifSchemaTest {

    @TempDir
    Path dir;

    private static Schema sarifSchema() throws Exception {
        Path file = SharedData.referenceSchemas().resolve("sarif-schema-2.1.0.json");
        assertTrue(Files.isRegularFile(file), file + " is missing from the shared data");
        JsonNode schema = new ObjectMapper().readTree(file.toFile());
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
    }

    private static void assertValid(Schema schema, String what, String sarif) throws Exception {
        List<Error> errors = schema.validate(new ObjectMapper().readTree(sarif));
        assertTrue(errors.isEmpty(), () -> what + " is not valid SARIF 2.1.0: " + errors);
    }

    @Test
    void everyGoldenSarifFileIsValid() throws Exception {
        Schema schema = sarifSchema();
        List<Path> goldens;
        try (Stream<Path> s = Files.list(ReportGoldens.expectedDir())) {
            goldens = s.filter(p -> p.getFileName().toString().endsWith(".sarif")).sorted().toList();
        }
        assertFalse(goldens.isEmpty(), "no golden SARIF files in " + ReportGoldens.expectedDir());
        for (Path golden : goldens) {
            assertValid(schema, golden.toString(), Files.readString(golden));
        }
    }

    @Test
    void aCleanRunAndAFileOutsideTheWorkingDirectoryAreValid() throws Exception {
        Schema schema = sarifSchema();
        Path clean = dir.resolve("compose.yaml");
        Files.writeString(clean, "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 128m\n    cpus: 0.5\n");
        CliRun r = CliRun.run(Map.of(), "", "lint", "--format", "sarif", clean.toString());
        assertEquals(0, r.exit(), r.err());
        assertValid(schema, "a run without findings", r.out());
        Path messy = dir.resolve("odd dir/docker-compose.yml");
        Files.createDirectories(messy.getParent());
        Files.writeString(messy, "version: '3'\nservices:\n  \"wéb\": {image: nginx}\n  bad: [1]\n");
        CliRun m = CliRun.run(Map.of(), "", "lint", "--format", "sarif", messy.toString());
        assertEquals(1, m.exit(), m.err());
        assertValid(schema, "a run on a file outside the working directory", m.out());
        assertTrue(m.out().contains("\"uri\": \"file://"), m.out());
        assertTrue(m.out().contains("odd%20dir/docker-compose.yml"), m.out());
    }
}
