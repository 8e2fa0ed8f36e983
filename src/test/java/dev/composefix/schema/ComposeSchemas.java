package dev.composefix.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.composefix.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The two schemas the agreement tests compare, both validated by the same networknt validator: ours
 * ({@code schemas/compose.schema.json}, read from the classpath as the jar ships it) and the official
 * one of compose-go in the shared data.
 */
final class ComposeSchemas {

    static final String OURS = "/schemas/compose.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode oursJson;
    private static Schema ours;
    private static Schema official;

    private ComposeSchemas() {
    }

    /** The raw JSON of our schema. */
    static synchronized JsonNode oursJson() {
        if (oursJson == null) {
            try (InputStream in = ComposeSchemas.class.getResourceAsStream(OURS)) {
                if (in == null) {
                    throw new IllegalStateException(OURS + " is not on the classpath");
                }
                oursJson = JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return oursJson;
    }

    static synchronized Schema ours() {
        if (ours == null) {
            // Our $id is absolute, so the schema needs no base location (as SchemaCheck loads it).
            ours = registry().getSchema(oursJson());
        }
        return ours;
    }

    /** The official schema; skips (or fails under CI) when the shared data is missing. */
    static synchronized Schema official() {
        if (official == null) {
            official = load(officialPath());
        }
        return official;
    }

    static Path officialPath() {
        return SharedData.referenceSchemas().resolve("compose-spec.json");
    }

    static JsonNode officialJson() {
        try {
            return JSON.readTree(officialPath().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema file whose {@code $id} may be relative ({@code compose_spec.json}): its location is the base. */
    private static Schema load(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            return registry().getSchema(SchemaLocation.of(file.toUri().toString()), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    }

    static List<Error> errors(Schema schema, JsonNode instance) {
        return schema.validate(instance);
    }

    static boolean accepts(Schema schema, JsonNode instance) {
        return schema.validate(instance).isEmpty();
    }

    /** A short rendering of errors for failure messages. */
    static String describe(List<Error> errors) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (Error e : errors) {
            if (shown++ == 6) {
                b.append("\n      ... ").append(errors.size() - 6).append(" more");
                break;
            }
            b.append("\n      ").append(e.getKeyword()).append(" at ").append(e.getInstanceLocation())
                    .append(": ").append(e.getMessage());
        }
        return errors.isEmpty() ? " (none)" : b.toString();
    }
}
