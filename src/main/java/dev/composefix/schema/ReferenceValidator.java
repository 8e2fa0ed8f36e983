package dev.composefix.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * The networknt JSON Schema validator (draft 2020-12) over the Jackson form of a YAML tree: the
 * reference every compiled schema is tested against, and the validator for a schema that uses a
 * keyword {@link CompiledSchema} does not implement.
 */
final class ReferenceValidator implements SchemaCheck.Validator {

    private final JsonNode schemaJson;
    private final Schema schema;

    private ReferenceValidator(JsonNode schemaJson) {
        this.schemaJson = schemaJson;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson);
    }

    static ReferenceValidator read(String path, byte[] bytes) {
        try {
            return new ReferenceValidator(new ObjectMapper().readTree(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    static byte[] bytes(String path) {
        byte[] bytes;
        try {
            bytes = dev.composefix.engine.Resources.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes == null) {
            throw new IllegalStateException("schema " + path + " is missing from the jar");
        }
        return bytes;
    }

    @Override
    public List<Violation> validate(YNode root, Function<YScalar, String> scalarText) {
        List<Violation> out = new ArrayList<>();
        for (Error e : schema.validate(JsonTree.of(root, scalarText))) {
            out.add(violation(e));
        }
        return out;
    }

    private Violation violation(Error e) {
        List<Object> path = path(e.getInstanceLocation());
        List<String> allowed = List.of();
        List<String> values = List.of();
        String actual = null;
        String found = null;
        String expected = null;
        switch (e.getKeyword()) {
            case "additionalProperties" -> allowed = names(schemaAt(parentPointer(
                    e.getSchemaLocation().getFragment().toString())).path("properties"));
            case "enum", "const" -> {
                JsonNode node = e.getSchemaNode();
                List<String> v = new ArrayList<>();
                for (JsonNode n : node.isArray() ? node : List.of(node)) {
                    v.add(n.asText());
                }
                values = v;
                actual = e.getInstanceNode() == null ? "" : e.getInstanceNode().asText();
            }
            case "type" -> {
                Object[] args = e.getArguments();
                found = args != null && args.length > 0 ? String.valueOf(args[0]) : "value";
                expected = args != null && args.length > 1 ? String.valueOf(args[1]) : "";
            }
            default -> {
            }
        }
        return new Violation(e.getKeyword(), path, e.getProperty(), allowed, values, actual, found, expected,
                e.getMessage());
    }

    private static List<Object> path(NodePath p) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < p.getNameCount(); i++) {
            out.add(p.getElement(i));
        }
        return out;
    }

    private JsonNode schemaAt(String pointer) {
        return pointer.isEmpty() ? schemaJson : schemaJson.at(pointer);
    }

    private static String parentPointer(String fragment) {
        String p = fragment.startsWith("#") ? fragment.substring(1) : fragment;
        int slash = p.lastIndexOf('/');
        return slash <= 0 ? "" : p.substring(0, slash);
    }

    private static List<String> names(JsonNode properties) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
