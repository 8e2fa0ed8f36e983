package dev.composefix.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates values from a JSON Schema, mostly valid, sometimes not: the values the mutation test grafts
 * into compose files. It understands the keywords both compose schemas use ($ref, type, properties,
 * patternProperties, required, items, enum, const, oneOf, anyOf, if/then, minimum, maximum, pattern)
 * and, with a small probability at each node, breaks the value: a wrong enum, a misspelled or
 * unknown key, a missing required key, an x- key, a duplicate item, a value of another type.
 * Generating from either schema catches a property or a form that only one of them knows.
 */
final class SchemaValueGenerator {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static final List<String> STRINGS = List.of("", "x", "value", "app", "db", "_db", "my app", "10s", "1m30s", "0s",
            "512m", "1g", "1.5", "0", "-1", "true", "no", "all", "gpu", "host", "none", "tcp", "8080:80",
            "127.0.0.1:8080:80/udp", "3000-3005", "./data:/data:ro", "data:/var/lib/data", "CMD", "CMD-SHELL",
            "curl -f http://localhost", "KEY=value", "KEY", "always", "missing", "every_12h", "weekly", "bogus",
            "service_healthy", "sync", "start-first", "bind", "nofile", "node.role==manager", "./Dockerfile", ".");
    private static final List<Long> INTEGERS = List.of(0L, 1L, 2L, 5L, 100L, 101L, 1000L, 1001L, -1L, -1000L, -1001L,
            65535L);
    private static final List<Double> FRACTIONS = List.of(0.5, 1.5, -0.25, 100.5);

    private final JsonNode root;
    private final Random random;
    private final double breakRate;

    SchemaValueGenerator(JsonNode root, Random random, double breakRate) {
        this.root = root;
        this.random = random;
        this.breakRate = breakRate;
    }

    /** The subschema at a JSON pointer of the root, such as {@code /$defs/service/properties/deploy}. */
    JsonNode at(String pointer) {
        return resolve(root.at(pointer));
    }

    JsonNode generate(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s == null || s.isMissingNode() || s.isBoolean() || s.isEmpty()) {
            return anyValue(depth);
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (s.has(combinator) && s.get(combinator).isArray()) {
                JsonNode branch = pick(s.get(combinator));
                return generate(branch, depth);
            }
        }
        if (s.has("const")) {
            return breaks() ? anyScalar() : s.get("const").deepCopy();
        }
        if (s.has("enum")) {
            return breaks() ? wrongEnum(s.get("enum")) : pick(s.get("enum")).deepCopy();
        }
        String type = chooseType(s);
        if (breaks()) {
            return anyValue(depth); // often the wrong type
        }
        JsonNode conditional = s.path("if").path("type");
        if (conditional.isTextual() && conditional.asText().equals(type) && s.has("then")) {
            JsonNode then = resolve(s.get("then"));
            if (then.has("enum") || then.has("const")) {
                return generate(then, depth);
            }
        }
        return switch (type) {
            case "object" -> object(s, depth);
            case "array" -> array(s, depth);
            case "string" -> F.textNode(pick(STRINGS));
            case "integer" -> F.numberNode(integer(s));
            case "number" -> random.nextBoolean() ? F.numberNode(integer(s)) : F.numberNode(pick(FRACTIONS));
            case "boolean" -> F.booleanNode(random.nextBoolean());
            case "null" -> F.nullNode();
            default -> anyValue(depth);
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; s != null && s.has("$ref") && hops < 20; hops++) {
            String ref = s.get("$ref").asText();
            // Siblings of $ref in these schemas are descriptions and comments: nothing to generate from.
            s = root.at(ref.substring(ref.indexOf('#') + 1));
        }
        return s;
    }

    private String chooseType(JsonNode s) {
        JsonNode t = s.get("type");
        if (t != null && t.isTextual()) {
            return t.asText();
        }
        if (t != null && t.isArray() && !t.isEmpty()) {
            return pick(t).asText();
        }
        if (s.has("properties") || s.has("patternProperties") || s.has("additionalProperties")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        return "any";
    }

    private long integer(JsonNode s) {
        if ((s.has("minimum") || s.has("maximum")) && random.nextBoolean()) {
            long lo = s.path("minimum").asLong(-1000);
            long hi = s.path("maximum").asLong(lo + 100);
            return switch (random.nextInt(4)) {
                case 0 -> lo;
                case 1 -> hi;
                default -> lo + (long) (random.nextDouble() * (hi - lo + 1));
            };
        }
        return pick(INTEGERS);
    }

    private JsonNode object(JsonNode s, int depth) {
        ObjectNode o = F.objectNode();
        if (depth <= 0) {
            return o;
        }
        JsonNode properties = s.path("properties");
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        List<String> names = fieldNames(properties);
        double rate = names.isEmpty() ? 0 : Math.min(1.0, 2.0 / names.size());
        for (String name : names) {
            boolean req = required.contains(name);
            if ((req && !breaks()) || random.nextDouble() < rate) {
                o.set(name, generate(properties.get(name), depth - 1));
            }
        }
        JsonNode patterns = s.path("patternProperties");
        for (String pattern : fieldNames(patterns)) {
            int n = pattern.equals("^x-") ? (breaks() ? 1 : 0) : random.nextInt(3);
            for (int i = 0; i < n; i++) {
                o.set(keyFor(pattern, i), generate(patterns.get(pattern), depth - 1));
            }
        }
        if (breaks() && !names.isEmpty()) {
            o.set(InstanceMutator.misspell(pick(names), random), generate(null, depth - 1));
        }
        return o;
    }

    private JsonNode array(JsonNode s, int depth) {
        ArrayNode a = F.arrayNode();
        if (depth <= 0) {
            return a;
        }
        JsonNode items = s.get("items");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            a.add(items == null || items.isBoolean() ? anyScalar() : generate(items, depth - 1));
        }
        if (!a.isEmpty() && breaks()) {
            a.add(a.get(random.nextInt(a.size())).deepCopy());
        }
        return a;
    }

    private String keyFor(String pattern, int i) {
        return switch (pattern) {
            case "^x-" -> "x-gen" + i;
            case "^[a-z]+$" -> List.of("nofile", "nproc", "memlock").get(i % 3);
            case "^[a-zA-Z0-9._-]+$" -> List.of("web", "db", "cache.v2").get(i % 3);
            default -> List.of("KEY", "com.example.label", "opt" + i).get(random.nextInt(3));
        };
    }

    private JsonNode wrongEnum(JsonNode allowed) {
        String base = pick(allowed).asText();
        return switch (random.nextInt(3)) {
            case 0 -> F.textNode(InstanceMutator.misspell(base, random));
            case 1 -> F.textNode(base.toUpperCase(java.util.Locale.ROOT));
            default -> anyScalar();
        };
    }

    JsonNode anyScalar() {
        return switch (random.nextInt(6)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(random.nextBoolean());
            case 2 -> F.numberNode(pick(INTEGERS));
            case 3 -> F.numberNode(pick(FRACTIONS));
            default -> F.textNode(pick(STRINGS));
        };
    }

    JsonNode anyValue(int depth) {
        int choice = random.nextInt(depth <= 0 ? 6 : 8);
        if (choice == 6) {
            ArrayNode a = F.arrayNode();
            for (int i = random.nextInt(3); i > 0; i--) {
                a.add(anyScalar());
            }
            return a;
        }
        if (choice == 7) {
            ObjectNode o = F.objectNode();
            for (int i = random.nextInt(3); i > 0; i--) {
                o.set(pick(STRINGS.subList(1, 6)), anyScalar());
            }
            return o;
        }
        return anyScalar();
    }

    private boolean breaks() {
        return random.nextDouble() < breakRate;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private JsonNode pick(JsonNode array) {
        return array.get(random.nextInt(array.size()));
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            out.add(e.getKey());
        }
        return out;
    }
}
