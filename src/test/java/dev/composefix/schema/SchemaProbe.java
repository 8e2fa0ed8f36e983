package dev.composefix.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every place a compose schema describes, and small compose files that put a chosen value there.
 * A position is a path from the top of the file down through properties, name patterns, list items
 * and alternatives (oneOf branches, union types), each with the schema that applies there. A probe
 * is the smallest file reaching the position (required keys on the way filled with simple valid
 * values) with one value from a palette at the end: every JSON type, numbers at and across bounds,
 * numeric and boolean strings, enum values and near misses, empty and duplicate lists, objects with an
 * x- key, an unknown key or a key that is no valid name, and the position's own object with an x-
 * key, an unknown key, or one required key missing.
 */
final class SchemaProbe {

    /** One step of a path: the key (null for a list item), the schema holding it, the schema below. */
    record Step(String key, JsonNode container, JsonNode schema) {
    }

    /** A position: the steps from the top of the file, and the schema of the value there. */
    record Position(List<Step> steps, JsonNode schema) {

        String pointer() {
            StringBuilder b = new StringBuilder();
            for (Step s : steps) {
                b.append('/').append(s.key() == null ? "0" : s.key());
            }
            return b.length() == 0 ? "/" : b.toString();
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 14;
    private static final List<String> STRING_CANDIDATES = List.of("x", "ab", "always", "all", "every_1h");

    private final JsonNode root;

    SchemaProbe(JsonNode root) {
        this.root = root;
    }

    /** Every position of the schema, top first. */
    List<Position> positions() {
        List<Position> out = new ArrayList<>();
        walk(root, new ArrayList<>(), out, 0);
        return out;
    }

    private void walk(JsonNode schema, List<Step> path, List<Position> out, int refs) {
        JsonNode s = resolve(schema);
        if (s == null || !s.isObject() || path.size() > MAX_DEPTH || refs > 40) {
            return;
        }
        out.add(new Position(List.copyOf(path), s));
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode branch : s.path(combinator)) {
                walk(branch, path, out, refs + 1);
            }
        }
        JsonNode then = s.get("then");
        if (then != null) {
            out.add(new Position(List.copyOf(path), resolve(then)));
        }
        JsonNode properties = s.path("properties");
        for (String name : SchemaValueGenerator.fieldNames(properties)) {
            walk(properties.get(name), append(path, new Step(name, s, properties.get(name))), out, refs + 1);
        }
        JsonNode patterns = s.path("patternProperties");
        for (String pattern : SchemaValueGenerator.fieldNames(patterns)) {
            walk(patterns.get(pattern), append(path, new Step(keyFor(pattern), s, patterns.get(pattern))), out,
                    refs + 1);
        }
        JsonNode items = s.get("items");
        if (items != null && items.isObject()) {
            walk(items, append(path, new Step(null, s, items)), out, refs + 1);
        }
    }

    private static List<Step> append(List<Step> path, Step step) {
        List<Step> p = new ArrayList<>(path);
        p.add(step);
        return p;
    }

    /** A key that matches a name pattern of the compose schemas. */
    static String keyFor(String pattern) {
        return switch (pattern) {
            case "^x-" -> "x-probe";
            case "^[a-z]+$" -> "nofile";
            case "^[a-zA-Z0-9._-]+$" -> "web";
            default -> "KEY";
        };
    }

    /** The smallest file that holds {@code value} at {@code position}. */
    JsonNode build(Position position, JsonNode value) {
        return build(position.steps(), 0, value);
    }

    private JsonNode build(List<Step> steps, int i, JsonNode value) {
        if (i == steps.size()) {
            return value;
        }
        Step step = steps.get(i);
        JsonNode inner = build(steps, i + 1, value);
        if (step.key() == null) {
            return F.arrayNode().add(inner);
        }
        ObjectNode o = requiredOnly(step.container(), step.key());
        o.set(step.key(), inner);
        return o;
    }

    private ObjectNode requiredOnly(JsonNode container, String except) {
        ObjectNode o = F.objectNode();
        for (JsonNode r : container.path("required")) {
            String name = r.asText();
            if (!name.equals(except)) {
                o.set(name, minimal(container.path("properties").path(name)));
            }
        }
        return o;
    }

    /** A simple value the schema accepts (for the keys a probe needs on its way). */
    JsonNode minimal(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s == null || !s.isObject() || s.isEmpty()) {
            return F.textNode("x");
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (s.path(combinator).size() > 0) {
                return minimal(s.get(combinator).get(0));
            }
        }
        if (s.has("const")) {
            return s.get("const");
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        List<String> types = new ArrayList<>();
        if (s.path("type").isTextual()) {
            types.add(s.get("type").asText());
        }
        s.path("type").forEach(t -> types.add(t.asText()));
        if (types.isEmpty()) {
            boolean object = s.has("properties") || s.has("patternProperties");
            types.add(object ? "object" : s.has("items") ? "array" : "string");
        }
        for (String preferred : List.of("string", "integer", "number", "boolean", "object", "array", "null")) {
            if (!types.contains(preferred)) {
                continue;
            }
            JsonNode conditional = s.path("if").path("type");
            if (conditional.isTextual() && conditional.asText().equals(preferred) && s.has("then")) {
                JsonNode then = resolve(s.get("then"));
                if (then.has("enum") || then.has("const")) {
                    return minimal(then);
                }
            }
            return switch (preferred) {
                case "string" -> F.textNode(matching(s.path("pattern").asText("")));
                case "integer", "number" -> F.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1);
                case "boolean" -> F.booleanNode(true);
                case "object" -> requiredOnly(s, null);
                case "array" -> F.arrayNode();
                default -> F.nullNode();
            };
        }
        return F.nullNode();
    }

    private static String matching(String pattern) {
        if (pattern.isEmpty()) {
            return "x";
        }
        Pattern p = Pattern.compile(pattern);
        for (String c : STRING_CANDIDATES) {
            if (p.matcher(c).find()) {
                return c;
            }
        }
        throw new IllegalStateException("no probe string matches " + pattern);
    }

    /** The values tried at a position, by a short label. */
    Map<String, JsonNode> palette(Position position) {
        JsonNode s = position.schema();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("null", F.nullNode());
        values.put("true", F.booleanNode(true));
        values.put("false", F.booleanNode(false));
        for (long n : new long[] {0, 1, -1, 100, 101, 1000, 1001, -1000, -1001}) {
            values.put(Long.toString(n), F.numberNode(n));
        }
        values.put("0.5", F.numberNode(0.5));
        values.put("1.0", F.numberNode(new java.math.BigDecimal("1.0")));
        for (String text : List.of("", "x", "1", "0.5", "true", "ab", "all", "has space", "_x", "never")) {
            values.put("'" + text + "'", F.textNode(text));
        }
        values.put("[]", F.arrayNode());
        values.put("['a']", F.arrayNode().add("a"));
        values.put("['a', 'a']", F.arrayNode().add("a").add("a"));
        values.put("['a', 'b']", F.arrayNode().add("a").add("b"));
        values.put("[1]", F.arrayNode().add(1));
        values.put("[true]", F.arrayNode().add(true));
        values.put("[null]", F.arrayNode().add(F.nullNode()));
        values.put("[{}]", F.arrayNode().add(F.objectNode()));
        values.put("[[]]", F.arrayNode().add(F.arrayNode()));
        values.put("{}", F.objectNode());
        values.put("{x-probe: 1}", F.objectNode().put("x-probe", 1));
        values.put("{probe: 1}", F.objectNode().put("probe", 1));
        values.put("{'': 1}", F.objectNode().put("", 1));
        values.put("{'not a name!': {}}", F.objectNode().set("not a name!", F.objectNode()));
        values.put("{KEY: null}", F.objectNode().set("KEY", F.nullNode()));
        values.put("{KEY: 'v'}", F.objectNode().put("KEY", "v"));
        values.put("{KEY: 1}", F.objectNode().put("KEY", 1));
        values.put("{KEY: ['a']}", F.objectNode().set("KEY", F.arrayNode().add("a")));
        values.put("{KEY: {}}", F.objectNode().set("KEY", F.objectNode()));
        for (JsonNode e : s.path("enum")) {
            values.put("enum '" + e.asText() + "'", e);
            values.put("enum '" + e.asText() + "' upper", F.textNode(e.asText().toUpperCase(Locale.ROOT)));
            values.put("enum '" + e.asText() + "' + s", F.textNode(e.asText() + "s"));
        }
        for (String bound : List.of("minimum", "maximum")) {
            if (s.has(bound)) {
                long b = s.get(bound).asLong();
                values.put(bound, F.numberNode(b));
                values.put(bound + " - 1", F.numberNode(b - 1));
                values.put(bound + " + 1", F.numberNode(b + 1));
                values.put("'" + bound + " - 1'", F.textNode(Long.toString(b - 1)));
            }
        }
        JsonNode min = minimal(s);
        values.put("minimal", min);
        if (min instanceof ObjectNode o) {
            values.put("minimal + x-probe", o.deepCopy().put("x-probe", "v"));
            values.put("minimal + probe_key", o.deepCopy().put("probe_key", "v"));
            for (String name : SchemaValueGenerator.fieldNames(o)) {
                ObjectNode without = o.deepCopy();
                without.remove(name);
                values.put("minimal without " + name, without);
            }
        }
        if (min instanceof ArrayNode) {
            JsonNode items = s.get("items");
            if (items != null && items.isObject()) {
                JsonNode item = minimal(items);
                values.put("[minimal item]", F.arrayNode().add(item));
                values.put("[minimal item, same]", F.arrayNode().add(item).add(item.deepCopy()));
            }
        }
        return values;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; s != null && s.has("$ref") && hops < 20; hops++) {
            String ref = s.get("$ref").asText();
            s = root.at(ref.substring(ref.indexOf('#') + 1));
        }
        return s;
    }
}
