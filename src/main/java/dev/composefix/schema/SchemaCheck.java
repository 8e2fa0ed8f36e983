package dev.composefix.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.composefix.engine.Spelling;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Validates a YAML tree against a JSON Schema (networknt) and reports each violation at the YAML
 * node it concerns, in plain words, with "did you mean" for misspelled keys and enumeration values.
 */
public final class SchemaCheck {

    private final JsonNode schemaJson;
    private final Schema schema;

    private SchemaCheck(JsonNode schemaJson) {
        this.schemaJson = schemaJson;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson);
    }

    private static final java.util.Map<String, SchemaCheck> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A schema shipped in the jar, such as {@code /schemas/config.schema.json} (loaded once). */
    public static SchemaCheck resource(String path) {
        return LOADED.computeIfAbsent(path, SchemaCheck::load);
    }

    private static SchemaCheck load(String path) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("schema " + path + " is missing from the jar");
            }
            return new SchemaCheck(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SchemaProblem> check(YNode root) {
        return check(root, YScalar::value, n -> false);
    }

    /**
     * Checks {@code root} with each scalar read through {@code scalarText} (interpolation), leaving out
     * violations at nodes {@code unreliable} says nothing can be concluded from (a value that only
     * the environment where the stack runs decides).
     */
    public List<SchemaProblem> check(YNode root, java.util.function.Function<YScalar, String> scalarText,
            java.util.function.Predicate<YNode> unreliable) {
        JsonNode instance = JsonTree.of(root, scalarText);
        List<SchemaProblem> out = new ArrayList<>();
        for (Error e : schema.validate(instance)) {
            if (unreliable.test(locate(root, e.getInstanceLocation()))) {
                continue;
            }
            out.add(describe(e, root));
        }
        out.sort(Comparator.comparingInt((SchemaProblem p) -> p.span().start().offset()));
        return out;
    }

    private SchemaProblem describe(Error e, YNode root) {
        YNode node = locate(root, e.getInstanceLocation());
        String where = pointer(e.getInstanceLocation());
        String property = e.getProperty();
        switch (e.getKeyword()) {
            case "additionalProperties" -> {
                YNode key = keyNode(node, property);
                List<String> allowed = names(schemaAt(parentPointer(e.getSchemaLocation().getFragment().toString()))
                        .path("properties"));
                return new SchemaProblem(span(key != null ? key : node), "unknown key '" + property + "'"
                        + (where.isEmpty() ? "" : " in " + where) + Spelling.hint(property, allowed));
            }
            case "required" -> {
                return new SchemaProblem(span(node), (where.isEmpty() ? "" : where + ": ")
                        + "missing required key '" + property + "'");
            }
            case "enum", "const" -> {
                JsonNode allowed = e.getSchemaNode();
                List<String> values = new ArrayList<>();
                for (JsonNode v : allowed.isArray() ? allowed : List.of(allowed)) {
                    values.add(v.asText());
                }
                String actual = e.getInstanceNode() == null ? "" : e.getInstanceNode().asText();
                return new SchemaProblem(span(node), where + ": '" + actual + "' is not one of "
                        + String.join(", ", values) + Spelling.hint(actual, values));
            }
            case "type" -> {
                Object[] args = e.getArguments();
                String found = args != null && args.length > 0 ? String.valueOf(args[0]) : "value";
                String expected = args != null && args.length > 1 ? String.valueOf(args[1]) : "";
                return new SchemaProblem(span(node), where + ": expected " + expected.replace("[", "")
                        .replace("]", "").replace(", ", " or ") + ", found " + found);
            }
            default -> {
                return new SchemaProblem(span(node), (where.isEmpty() ? "" : where + ": ") + e.getMessage());
            }
        }
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

    /** A readable path such as {@code rules.missing-memory-limit} or {@code exclude[0]}. */
    private static String pointer(NodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            if (el instanceof Integer idx) {
                b.append('[').append(idx).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(el);
            }
        }
        return b.toString();
    }

    private static YNode locate(YNode root, NodePath path) {
        YNode n = root == null ? null : root.resolve();
        YNode at = root;
        for (int i = 0; n != null && i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            if (n instanceof YMapping m && !(el instanceof Integer)) {
                YEntry e = m.get(String.valueOf(el));
                if (e == null) {
                    break;
                }
                at = e.value();
            } else if (n instanceof YSequence s && el instanceof Integer idx && idx < s.items().size()) {
                at = s.items().get(idx);
            } else {
                break;
            }
            n = at.resolve();
        }
        return at;
    }

    private static YNode keyNode(YNode mapping, String key) {
        if (key != null && mapping != null && mapping.resolve() instanceof YMapping m) {
            YEntry e = m.get(key);
            return e == null ? null : e.key();
        }
        return null;
    }

    private static Span span(YNode node) {
        return node.span();
    }
}
