package dev.composefix.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Mutates the JSON instance of a compose file the way people get compose files wrong: a misspelled
 * key, a value of another type, a dropped required field, x- fields at any level, short and long
 * forms swapped, empty values, wrong enumeration values, duplicate list items, and whole
 * generated subtrees (a service property, a deploy, build or healthcheck block, a network or volume
 * definition) grafted in from either schema.
 */
final class InstanceMutator {

    enum Kind {
        RENAME_KEY, RETYPE, DROP_KEY, ADD_EXTENSION, ADD_UNKNOWN_KEY, SWAP_FORM, EMPTY, WRONG_ENUM, DUPLICATE_ITEM,
        GRAFT_SERVICE_PROPERTY, GRAFT_NESTED, GRAFT_TOP_LEVEL, GRAFT_DEEP
    }

    /** A place in the tree: the value, the container holding it and under which key or index. */
    private record Slot(JsonNode container, String key, int index, String pointer, String contextKey, JsonNode value) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> ENUM_KEYS = List.of("condition", "action", "order", "type", "cgroup",
            "recursive", "selinux", "pull_policy", "gpus");
    private static final List<String> NESTED = List.of("deploy", "build", "healthcheck", "develop", "logging",
            "networks", "ports", "volumes", "depends_on", "ulimits", "blkio_config", "env_file", "secrets", "configs",
            "extends", "gpus", "models", "provider", "pre_start", "post_start", "pre_stop", "credential_spec");
    private static final List<String> TOP_LEVEL = List.of("networks", "volumes", "secrets", "configs", "models",
            "include", "name", "version");

    private final Random random;
    private final JsonNode oursSchema;
    private final JsonNode officialSchema;
    private final List<String> serviceProperties;
    private final List<String> vocabulary;
    private final List<String> enumValues;
    private final SchemaProbe oursProbe;
    private final SchemaProbe officialProbe;
    private final List<SchemaProbe.Position> oursPositions;
    private final List<SchemaProbe.Position> officialPositions;

    InstanceMutator(Random random, JsonNode oursSchema, JsonNode officialSchema) {
        this.random = random;
        this.oursSchema = oursSchema;
        this.officialSchema = officialSchema;
        Set<String> props = new LinkedHashSet<>();
        props.addAll(SchemaValueGenerator.fieldNames(oursSchema.at("/$defs/service/properties")));
        props.addAll(SchemaValueGenerator.fieldNames(officialSchema.at("/$defs/service/properties")));
        this.serviceProperties = List.copyOf(props);
        Set<String> words = new LinkedHashSet<>();
        Set<String> enums = new LinkedHashSet<>();
        collect(oursSchema, words, enums);
        collect(officialSchema, words, enums);
        this.vocabulary = List.copyOf(words);
        this.enumValues = List.copyOf(enums);
        this.oursProbe = new SchemaProbe(oursSchema);
        this.officialProbe = new SchemaProbe(officialSchema);
        this.oursPositions = oursProbe.positions();
        this.officialPositions = officialProbe.positions();
    }

    /** Applies one mutation of {@code kind} to {@code root} in place; returns what it did. */
    String apply(Kind kind, ObjectNode root) {
        return switch (kind) {
            case RENAME_KEY -> renameKey(root);
            case RETYPE -> retype(root);
            case DROP_KEY -> dropKey(root);
            case ADD_EXTENSION -> addKey(root, "x-" + pick(List.of("ext", "custom", "aws-role", "", "x")), true);
            case ADD_UNKNOWN_KEY -> addKey(root, random.nextBoolean() ? pick(vocabulary) : misspell(pick(vocabulary),
                    random), false);
            case SWAP_FORM -> swapForm(root);
            case EMPTY -> empty(root);
            case WRONG_ENUM -> wrongEnum(root);
            case DUPLICATE_ITEM -> duplicateItem(root);
            case GRAFT_SERVICE_PROPERTY -> graftService(root, pick(serviceProperties), false);
            case GRAFT_NESTED -> graftService(root, pick(NESTED), true);
            case GRAFT_TOP_LEVEL -> graftTopLevel(root);
            case GRAFT_DEEP -> graftDeep(root);
        };
    }

    /**
     * A kind of mutation; one in three is a deep graft (a probe of {@link SchemaProbe} at any place
     * either schema describes), which reaches the rare corners that real files seldom use.
     */
    Kind randomKind() {
        if (random.nextInt(3) == 0) {
            return Kind.GRAFT_DEEP;
        }
        Kind[] kinds = Kind.values();
        return kinds[random.nextInt(kinds.length - 1)];
    }

    private String renameKey(ObjectNode root) {
        Slot s = pickSlot(root, slot -> slot.key() != null);
        if (s == null) {
            return "rename: no key";
        }
        String to = random.nextInt(5) == 0 ? "x-" + s.key() : misspell(s.key(), random);
        ObjectNode parent = (ObjectNode) s.container();
        if (parent.has(to)) {
            return "rename " + s.pointer() + ": " + to + " exists";
        }
        ObjectNode renamed = F.objectNode();
        parent.properties().forEach(e -> renamed.set(e.getKey().equals(s.key()) ? to : e.getKey(), e.getValue()));
        parent.removeAll();
        parent.setAll(renamed);
        return "rename " + s.pointer() + " to '" + to + "'";
    }

    private String retype(ObjectNode root) {
        Slot s = pickSlot(root, slot -> true);
        if (s == null) {
            return "retype: nothing";
        }
        SchemaValueGenerator any = new SchemaValueGenerator(oursSchema, random, 0);
        JsonNode v = any.anyValue(2);
        for (int tries = 0; tries < 10 && v.getNodeType() == s.value().getNodeType(); tries++) {
            v = any.anyValue(2);
        }
        replace(s, v);
        return "retype " + s.pointer() + " to " + v;
    }

    private String dropKey(ObjectNode root) {
        Slot s = pickSlot(root, slot -> slot.key() != null);
        if (s == null) {
            return "drop: no key";
        }
        ((ObjectNode) s.container()).remove(s.key());
        return "drop " + s.pointer();
    }

    private String addKey(ObjectNode root, String key, boolean extension) {
        List<Slot> objects = slots(root).stream().filter(slot -> slot.value().isObject()).toList();
        JsonNode target = objects.isEmpty() || random.nextInt(8) == 0 ? root : pick(objects).value();
        String where = target == root ? "" : pointerOf(root, target);
        JsonNode value = new SchemaValueGenerator(oursSchema, random, 0).anyValue(2);
        ((ObjectNode) target).set(key, value);
        return (extension ? "add extension " : "add key ") + where + "/" + key + " = " + value;
    }

    private String swapForm(ObjectNode root) {
        Slot s = pickSlot(root, slot -> true);
        if (s == null) {
            return "swap: nothing";
        }
        JsonNode v = swap(s.value(), s.contextKey(), s.key() == null);
        replace(s, v);
        return "swap form of " + s.pointer() + " to " + v;
    }

    private JsonNode swap(JsonNode v, String context, boolean isItem) {
        String ctx = context == null ? "" : context;
        if (v.isTextual()) {
            String text = v.asText();
            String[] parts = text.split(":");
            if (isItem && ctx.equals("ports")) {
                ObjectNode o = F.objectNode().put("target", parts[parts.length - 1]);
                if (parts.length > 1) {
                    o.put("published", parts[parts.length - 2]);
                }
                return o;
            }
            if (isItem && ctx.equals("volumes")) {
                ObjectNode o = F.objectNode();
                if (random.nextBoolean()) {
                    o.put("type", text.startsWith(".") || text.startsWith("/") ? "bind" : "volume");
                }
                o.put("source", parts[0]);
                if (parts.length > 1) {
                    o.put("target", parts[1]);
                }
                if (parts.length > 2) {
                    o.put("read_only", parts[2].equals("ro"));
                }
                return o;
            }
            if (isItem && (ctx.equals("secrets") || ctx.equals("configs") || ctx.equals("devices"))) {
                return F.objectNode().put("source", parts[0]);
            }
            if ((isItem && ctx.equals("include")) || ctx.equals("env_file")) {
                return random.nextBoolean() ? F.objectNode().put("path", text)
                        : F.arrayNode().add(F.objectNode().put("path", text));
            }
            switch (ctx) {
                case "build" -> {
                    return F.objectNode().put("context", text);
                }
                case "extends" -> {
                    return F.objectNode().put("service", text);
                }
                case "gpus" -> {
                    return F.arrayNode().add(F.objectNode().set("capabilities", F.arrayNode().add("gpu")));
                }
                case "test", "command", "entrypoint" -> {
                    ArrayNode a = F.arrayNode();
                    if (ctx.equals("test")) {
                        a.add("CMD-SHELL");
                    }
                    for (String w : text.split(" ")) {
                        a.add(w);
                    }
                    return a;
                }
                default -> {
                }
            }
            if (text.matches("-?[0-9]+")) {
                return F.numberNode(Long.parseLong(text));
            }
            if (text.matches("-?[0-9]*\\.[0-9]+")) {
                return F.numberNode(Double.parseDouble(text));
            }
            if (text.equals("true") || text.equals("false")) {
                return F.booleanNode(Boolean.parseBoolean(text));
            }
            return F.arrayNode().add(text);
        }
        if (v.isNumber()) {
            if (ctx.equals("ulimits")) {
                ObjectNode o = F.objectNode();
                o.set("soft", v.deepCopy());
                o.set("hard", v.deepCopy());
                return o;
            }
            if (isItem && ctx.equals("ports")) {
                return F.objectNode().set("target", v.deepCopy());
            }
            return F.textNode(v.asText());
        }
        if (v.isBoolean()) {
            return F.textNode(v.asText());
        }
        if (v.isArray()) {
            boolean allText = true;
            for (JsonNode item : v) {
                allText &= item.isTextual();
            }
            if (allText && (ctx.equals("command") || ctx.equals("entrypoint") || ctx.equals("test"))) {
                List<String> words = new ArrayList<>();
                v.forEach(item -> words.add(item.asText()));
                return F.textNode(String.join(" ", words));
            }
            ObjectNode o = F.objectNode();
            for (JsonNode item : v) {
                String text = item.isValueNode() ? item.asText() : "item";
                int eq = text.indexOf('=');
                if (ctx.equals("depends_on")) {
                    o.set(text, random.nextBoolean() ? F.objectNode().put("condition", "service_started")
                            : F.objectNode().put("required", true));
                } else if (ctx.equals("networks") || ctx.equals("models")) {
                    o.set(text, random.nextBoolean() ? F.nullNode() : F.objectNode());
                } else if (eq > 0) {
                    o.put(text.substring(0, eq), text.substring(eq + 1));
                } else {
                    o.set(text, random.nextBoolean() ? F.nullNode() : F.textNode(""));
                }
            }
            return o;
        }
        if (v.isObject()) {
            for (String shortKey : List.of("context", "service", "source", "path", "target")) {
                if (v.has(shortKey) && v.get(shortKey).isValueNode()) {
                    JsonNode published = v.get("published");
                    return F.textNode((published != null && shortKey.equals("target") ? published.asText() + ":" : "")
                            + v.get(shortKey).asText());
                }
            }
            if (v.has("soft")) {
                return v.get("soft").deepCopy();
            }
            ArrayNode a = F.arrayNode();
            v.properties().forEach(e -> a.add(e.getValue().isValueNode() && !e.getValue().isNull()
                    ? e.getKey() + "=" + e.getValue().asText() : e.getKey()));
            return a;
        }
        return F.textNode("");
    }

    private String empty(ObjectNode root) {
        Slot s = pickSlot(root, slot -> true);
        if (s == null) {
            return "empty: nothing";
        }
        JsonNode v = switch (random.nextInt(4)) {
            case 0 -> F.textNode("");
            case 1 -> F.arrayNode();
            case 2 -> F.objectNode();
            default -> F.nullNode();
        };
        replace(s, v);
        return "empty " + s.pointer() + " as " + v;
    }

    private String wrongEnum(ObjectNode root) {
        List<Slot> texts = slots(root).stream().filter(slot -> slot.value().isTextual()).toList();
        if (texts.isEmpty()) {
            return "enum: no text";
        }
        List<Slot> enumLike = texts.stream().filter(slot -> ENUM_KEYS.contains(slot.contextKey())).toList();
        Slot s = !enumLike.isEmpty() && random.nextInt(10) < 7 ? pick(enumLike) : pick(texts);
        String old = s.value().asText();
        String to = switch (random.nextInt(3)) {
            case 0 -> misspell(old, random);
            case 1 -> old.toUpperCase(Locale.ROOT);
            default -> pick(enumValues);
        };
        replace(s, F.textNode(to));
        return "enum " + s.pointer() + " '" + old + "' to '" + to + "'";
    }

    private String duplicateItem(ObjectNode root) {
        List<Slot> arrays = slots(root).stream().filter(slot -> slot.value().isArray() && !slot.value().isEmpty())
                .toList();
        if (arrays.isEmpty()) {
            return "duplicate: no list";
        }
        Slot s = pick(arrays);
        ArrayNode a = (ArrayNode) s.value();
        JsonNode item = a.get(random.nextInt(a.size()));
        a.add(item.deepCopy());
        return "duplicate " + item + " in " + s.pointer();
    }

    private String graftService(ObjectNode root, String property, boolean merge) {
        JsonNode services = root.get("services");
        ObjectNode service;
        String name;
        if (services instanceof ObjectNode map && !map.isEmpty() && random.nextInt(6) != 0) {
            List<String> names = SchemaValueGenerator.fieldNames(map);
            name = pick(names);
            if (!(map.get(name) instanceof ObjectNode o)) {
                return "graft: service " + name + " is not a mapping";
            }
            service = o;
        } else {
            ObjectNode map = services instanceof ObjectNode o ? o : root.putObject("services");
            name = "grafted";
            service = map.putObject(name);
            service.put("image", "busybox");
        }
        boolean fromOurs = random.nextBoolean();
        SchemaValueGenerator gen = new SchemaValueGenerator(fromOurs ? oursSchema : officialSchema, random, 0.04);
        JsonNode value = gen.generate(gen.at("/$defs/service/properties/" + property), 6);
        JsonNode existing = service.get(property);
        if (merge && existing instanceof ObjectNode target && value instanceof ObjectNode add) {
            target.setAll(add);
        } else {
            service.set(property, value);
        }
        return "graft from " + (fromOurs ? "ours" : "official") + " /services/" + name + "/" + property
                + (merge ? " (merged)" : "") + " = " + value;
    }

    private String graftTopLevel(ObjectNode root) {
        String section = pick(TOP_LEVEL);
        boolean fromOurs = random.nextBoolean();
        SchemaValueGenerator gen = new SchemaValueGenerator(fromOurs ? oursSchema : officialSchema, random, 0.04);
        JsonNode value = gen.generate(gen.at("/properties/" + section), 6);
        JsonNode existing = root.get(section);
        if (existing instanceof ObjectNode target && value instanceof ObjectNode add) {
            target.setAll(add);
        } else if (existing instanceof ArrayNode target && value instanceof ArrayNode add) {
            target.addAll(add);
        } else {
            root.set(section, value);
        }
        return "graft from " + (fromOurs ? "ours" : "official") + " /" + section + " += " + value;
    }

    private String graftDeep(ObjectNode root) {
        boolean fromOurs = random.nextBoolean();
        SchemaProbe probe = fromOurs ? oursProbe : officialProbe;
        List<SchemaProbe.Position> positions = fromOurs ? oursPositions : officialPositions;
        SchemaProbe.Position at = pick(positions);
        List<java.util.Map.Entry<String, JsonNode>> values = new ArrayList<>(probe.palette(at).entrySet());
        java.util.Map.Entry<String, JsonNode> value = pick(values);
        JsonNode graft = probe.build(at, value.getValue().deepCopy());
        if (at.steps().isEmpty()) {
            return "deep graft: the top itself";
        }
        merge(root, graft);
        return "deep graft from " + (fromOurs ? "ours" : "official") + " of " + value.getKey() + " at "
                + at.pointer();
    }

    /** Adds {@code add} into {@code target}: objects key by key, lists appended, anything else replaced. */
    private static void merge(JsonNode target, JsonNode add) {
        if (!(target instanceof ObjectNode t) || !(add instanceof ObjectNode a)) {
            return;
        }
        a.properties().forEach(e -> {
            JsonNode old = t.get(e.getKey());
            if (old instanceof ObjectNode && e.getValue() instanceof ObjectNode) {
                merge(old, e.getValue());
            } else if (old instanceof ArrayNode list && e.getValue() instanceof ArrayNode more) {
                list.addAll(more);
            } else {
                t.set(e.getKey(), e.getValue());
            }
        });
    }

    /** A misspelling of a word: a letter dropped, doubled, swapped or changed, a separator changed. */
    static String misspell(String word, Random random) {
        if (word.length() < 2) {
            return word + "e";
        }
        int i = random.nextInt(word.length() - 1);
        String out = switch (random.nextInt(6)) {
            case 0 -> word.substring(0, i) + word.substring(i + 1);
            case 1 -> word.substring(0, i) + word.charAt(i) + word.substring(i);
            case 2 -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
            case 3 -> word.contains("_") ? word.replace('_', '-') : word + "s";
            case 4 -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
            default -> word.substring(0, i) + (char) ('a' + random.nextInt(26)) + word.substring(i + 1);
        };
        return out.equals(word) ? word + "x" : out;
    }

    private void replace(Slot s, JsonNode v) {
        if (s.key() != null) {
            ((ObjectNode) s.container()).set(s.key(), v);
        } else {
            ((ArrayNode) s.container()).set(s.index(), v);
        }
    }

    private Slot pickSlot(ObjectNode root, java.util.function.Predicate<Slot> filter) {
        List<Slot> all = slots(root).stream().filter(filter).toList();
        return all.isEmpty() ? null : pick(all);
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> out = new ArrayList<>();
        walk(root, "", null, out);
        return out;
    }

    private static void walk(JsonNode node, String pointer, String key, List<Slot> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String p = pointer + "/" + e.getKey();
                out.add(new Slot(node, e.getKey(), -1, p, e.getKey(), e.getValue()));
                walk(e.getValue(), p, e.getKey(), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = pointer + "/" + i;
                out.add(new Slot(node, null, i, p, key, node.get(i)));
                walk(node.get(i), p, key, out);
            }
        }
    }

    private static String pointerOf(JsonNode root, JsonNode target) {
        for (Slot s : slots(root)) {
            if (s.value() == target) {
                return s.pointer();
            }
        }
        return "?";
    }

    private static void collect(JsonNode schema, Set<String> words, Set<String> enums) {
        if (schema.isObject()) {
            JsonNode props = schema.get("properties");
            if (props != null && props.isObject()) {
                words.addAll(SchemaValueGenerator.fieldNames(props));
            }
            JsonNode e = schema.get("enum");
            if (e != null && e.isArray()) {
                e.forEach(v -> enums.add(v.asText()));
            }
        }
        if (schema.isContainerNode()) {
            schema.forEach(child -> collect(child, words, enums));
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
