package dev.composefix.schema;

import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A JSON Schema (2020-12) compiled once into checks that run directly on a YAML tree: no JSON
 * library, no copy of the instance. It knows the keywords our schemas use (type, $ref to a local
 * definition, properties, patternProperties, additionalProperties, items, required, enum, const,
 * uniqueItems, minimum, maximum, exclusiveMinimum, minLength, minItems, pattern, anyOf, if/then/else,
 * and the annotations), with the semantics
 * of networknt's validator, which tests hold it to (same violations at the same nodes, on the corpus
 * and on generated and mutated files). A schema using any other keyword is not compiled:
 * {@link #compile} returns null and the caller runs networknt's validator instead. The definitions a
 * {@code $ref} names are compiled when a validation first reaches them; tests compile every part of
 * each schema composefix validates with ({@link #compileEagerly}), so none of them fails late.
 */
final class CompiledSchema implements SchemaCheck.Validator {

    /** Keywords that only annotate: they never make a violation. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "$defs", "definitions",
            "title", "description", "default", "deprecated", "examples", "readOnly", "writeOnly", "format");

    private final Node root;

    private CompiledSchema(Node root) {
        this.root = root;
    }

    /**
     * The schema whose JSON {@code doc} is ({@link SchemaIndex#parse}), compiled; null when it uses a keyword
     * this class does not implement.
     */
    static CompiledSchema compile(YNode doc) {
        try {
            Compiler c = new Compiler(doc);
            return new CompiledSchema(c.node(doc, ""));
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * {@link #compile}, with every definition a $ref names compiled now rather than when a validation first
     * reaches it: null when any part of the schema uses a keyword this class does not implement. Tests hold
     * each of our schemas to this, so that compiling a definition late never meets such a keyword.
     */
    static CompiledSchema compileEagerly(YNode doc) {
        try {
            Compiler c = new Compiler(doc);
            Node root = c.node(doc, "");
            for (int i = 0; i < c.refs.size(); i++) { // resolving may compile more definitions, with more refs
                c.refs.get(i).target();
            }
            return new CompiledSchema(root);
        } catch (Unsupported e) {
            return null;
        }
    }

    @Override
    public List<Violation> validate(YNode root, Function<YScalar, String> scalarText) {
        Run run = new Run(scalarText, new ArrayList<>());
        this.root.validate(root == null ? null : root.resolve(), run);
        return run.out;
    }

    /** One validation: how scalars read, where in the instance it is, and what it found so far. */
    private static final class Run {
        final Function<YScalar, String> scalarText;
        final List<Object> path = new ArrayList<>();
        List<Violation> out;

        Run(Function<YScalar, String> scalarText, List<Violation> out) {
            this.scalarText = scalarText;
            this.out = out;
        }

        void report(String keyword, String property, List<String> allowed, List<String> values, String actual,
                String found, String expected, String message) {
            out.add(new Violation(keyword, List.copyOf(path), property, allowed, values, actual, found, expected,
                    message));
        }

        /** The scalar {@link #scalar} read last, and its value: the checks of one node ask in turn. */
        private YScalar lastScalar;
        private Object lastValue;
        /**
         * Every scalar's value once read, by identity: a node is validated again under each branch of an
         * anyOf or if that meets it, and by enum and uniqueItems, and interpolating and typing its scalars
         * each time was most of what validating them cost.
         */
        private final java.util.IdentityHashMap<YScalar, Object> values = new java.util.IdentityHashMap<>(64);

        Object scalar(YScalar s) {
            if (s != lastScalar) {
                Object v = values.get(s);
                if (v == null) {
                    v = JsonValue.of(s, scalarText); // interpolated, and typed: the same for every check
                    values.put(s, v);
                }
                lastValue = v;
                lastScalar = s;
            }
            return lastValue;
        }
    }

    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    // ---- the compiled form ----

    /** One schema: its checks in the order the schema lists its keywords. */
    private static final class Node {
        /** The checks while the node is compiled; {@link #done} copies them into {@link #all}. */
        final List<Check> checks = new ArrayList<>();
        private Check[] all = NO_CHECKS;

        /** Called once the node is compiled, before any validation can reach it. */
        Node done() {
            all = checks.toArray(NO_CHECKS);
            return this;
        }

        void validate(YNode instance, Run run) {
            // Over an array: every node of an instance passes here for every schema it meets (no iterator made
            // for each, no bounds check of a list's).
            for (Check c : all) {
                c.validate(instance, run);
            }
        }
    }

    private static final Check[] NO_CHECKS = new Check[0];

    private interface Check {
        void validate(YNode instance, Run run);
    }

    /** JSON's types, by the code {@link #type} gives and the bit {@link TypeCheck#wanted} holds. */
    private static final List<String> TYPES = List.of("null", "boolean", "integer", "number", "string", "array",
            "object");
    private static final int NULL = 0;
    private static final int BOOLEAN = 1;
    private static final int INTEGER = 2;
    private static final int NUMBER = 3;
    private static final int STRING = 4;
    private static final int ARRAY = 5;
    private static final int OBJECT = 6;

    /** The JSON type of an instance node (already resolved; null is JSON null), as an index of {@link #TYPES}. */
    private static int type(YNode n, Run run) {
        if (n == null) {
            return NULL;
        }
        if (n instanceof YMapping) {
            return OBJECT;
        }
        if (n instanceof YSequence) {
            return ARRAY;
        }
        Object v = run.scalar((YScalar) n);
        if (v == JsonValue.NULL) {
            return NULL;
        }
        if (v instanceof Boolean) {
            return BOOLEAN;
        }
        if (v instanceof BigInteger) {
            return INTEGER;
        }
        if (v instanceof BigDecimal) {
            return NUMBER;
        }
        return STRING;
    }

    /**
     * A {@code type} keyword: {@code wanted} has the bit of each of {@code types} JSON has (a name it has not
     * matches no instance). An integer is a number; a number with no fraction is an integer.
     */
    private static final class TypeCheck implements Check {
        private final List<String> types;
        private final boolean union;
        private final int wanted;

        TypeCheck(List<String> types, boolean union) {
            this.types = types;
            this.union = union;
            int bits = 0;
            for (String t : types) {
                int code = TYPES.indexOf(t);
                if (code >= 0) {
                    bits |= 1 << code;
                }
            }
            this.wanted = bits;
        }

        @Override
        public void validate(YNode instance, Run run) {
            int actual = type(instance, run);
            if ((wanted & 1 << actual) != 0 || actual == INTEGER && (wanted & 1 << NUMBER) != 0) {
                return;
            }
            if (actual == NUMBER && (wanted & 1 << INTEGER) != 0) {
                BigDecimal d = (BigDecimal) run.scalar((YScalar) instance);
                if (d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
                    return;
                }
            }
            String found = TYPES.get(actual);
            String expected = union ? "[" + String.join(", ", types) + "]" : types.get(0);
            run.report("type", null, List.of(), List.of(), null, found, expected, found + " found, " + expected
                    + " expected");
        }
    }

    /** A {@code $ref}, linked to its target once every definition is compiled. */
    /**
     * A $ref: its definition is compiled when a validation first reaches it (a run checks a few of Compose's
     * definitions, and compiling all of them at every start cost more than a small file's lint), once, under
     * the compiler's lock, and published whole.
     */
    private static final class RefCheck implements Check {
        final String pointer;
        private final Compiler compiler;
        private volatile Node target;

        RefCheck(String pointer, Compiler compiler) {
            this.pointer = pointer;
            this.compiler = compiler;
        }

        Node target() {
            Node t = target;
            if (t == null) {
                synchronized (compiler) {
                    t = target;
                    if (t == null) {
                        t = compiler.node(compiler.at(pointer), pointer);
                        target = t;
                    }
                }
            }
            return t;
        }

        @Override
        public void validate(YNode instance, Run run) {
            target().validate(instance, run);
        }
    }

    /** properties, patternProperties and additionalProperties of one schema, applied together. */
    private record ObjectCheck(Map<String, Node> properties, List<Map.Entry<KeyPattern, Node>> patterns,
            boolean closed, Node additional, List<String> allowed) implements Check {
        @Override
        public void validate(YNode instance, Run run) {
            if (!(instance instanceof YMapping m)) {
                return;
            }
            for (YEntry e : m.members()) {
                String key = e.keyText();
                YNode value = e.value().resolve();
                boolean matched = false;
                Node p = properties.get(key);
                run.path.add(key);
                if (p != null) {
                    matched = true;
                    p.validate(value, run);
                }
                for (int i = 0, n = patterns.size(); i < n; i++) {
                    Map.Entry<KeyPattern, Node> pp = patterns.get(i);
                    if (pp.getKey().find(key)) {
                        matched = true;
                        pp.getValue().validate(value, run);
                    }
                }
                run.path.remove(run.path.size() - 1);
                if (!matched) {
                    if (closed) {
                        run.report("additionalProperties", key, allowed, List.of(), null, null, null, "property '"
                                + key + "' is not defined in the schema and the schema does not allow additional"
                                + " properties");
                    } else if (additional != null) {
                        run.path.add(key);
                        additional.validate(value, run);
                        run.path.remove(run.path.size() - 1);
                    }
                }
            }
        }
    }

    /**
     * A patternProperties pattern: found in a key as {@link java.util.regex.Matcher#find} finds it; one
     * that only says how keys start ({@code ^x-}, most of Compose's) is a prefix test instead of a matcher
     * for each key of every mapping, and one that accepts any non-empty key of some ASCII characters
     * ({@code ^[a-zA-Z0-9._-]+$}, {@code ^.+$}, {@code .+}: the rest of Compose's) says yes without a
     * matcher to a key of only those characters, and asks the matcher about any other key.
     */
    static final class KeyPattern {
        private final String regex;
        private final String prefix;
        private final boolean[] surely;
        /**
         * The matcher's pattern, compiled when a key first needs it: with Compose's patterns no ordinary key
         * does, and compiling them all cost every start.
         */
        private volatile Pattern pattern;

        private KeyPattern(String regex, String prefix, boolean[] surely) {
            this.regex = regex;
            this.prefix = prefix;
            this.surely = surely;
        }

        static KeyPattern of(String regex) {
            boolean literal = regex.length() > 1 && regex.charAt(0) == '^';
            for (int i = 1; i < regex.length() && literal; i++) {
                char c = regex.charAt(i);
                literal = c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
            }
            return new KeyPattern(regex, literal ? regex.substring(1) : null, surely(regex));
        }

        /** The expression, compiled (the same for every thread that gets here first). */
        Pattern pattern() {
            Pattern p = pattern;
            if (p == null) {
                p = Pattern.compile(regex);
                pattern = p;
            }
            return p;
        }

        /** The ASCII characters any non-empty run of which {@code regex} finds, or null when not known. */
        private static boolean[] surely(String regex) {
            boolean[] set = new boolean[128];
            if (regex.equals(".+") || regex.equals("^.+$")) {
                for (int c = ' '; c < 0x7F; c++) {
                    set[c] = true; // '.' matches every one of them (none ends a line)
                }
                return set;
            }
            if (!regex.startsWith("^[") || !regex.endsWith("]+$") || regex.length() < 6) {
                return null;
            }
            String members = regex.substring(2, regex.length() - 3);
            for (int i = 0; i < members.length(); i++) {
                char c = members.charAt(i);
                if (!(c < 0x80 && Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')
                        || c == '-' && i == 0) {
                    return null; // only letters, digits, '.', '_', a range, and a '-' that ends the class
                }
                if (i + 2 < members.length() && members.charAt(i + 1) == '-') {
                    char to = members.charAt(i + 2);
                    boolean range = Character.isLetterOrDigit(c) && to < 0x80 && Character.isLetterOrDigit(to)
                            && to >= c && (Character.isDigit(c) == Character.isDigit(to))
                            && (Character.isUpperCase(c) == Character.isUpperCase(to));
                    if (!range) {
                        return null;
                    }
                    for (char r = c; r <= to; r++) {
                        set[r] = true;
                    }
                    i += 2;
                } else if (c == '-' && i != members.length() - 1) {
                    return null;
                } else {
                    set[c] = true;
                }
            }
            return set;
        }

        boolean find(String key) {
            if (prefix != null) {
                return key.startsWith(prefix);
            }
            if (surely != null && !key.isEmpty()) {
                boolean all = true;
                for (int i = 0; i < key.length() && all; i++) {
                    char c = key.charAt(i);
                    all = c < 0x80 && surely[c];
                }
                if (all) {
                    return true;
                }
            }
            return pattern().matcher(key).find();
        }
    }

    private record ItemsCheck(Node items) implements Check {
        @Override
        public void validate(YNode instance, Run run) {
            if (!(instance instanceof YSequence s)) {
                return;
            }
            for (int i = 0; i < s.items().size(); i++) {
                run.path.add(i);
                items.validate(s.items().get(i).resolve(), run);
                run.path.remove(run.path.size() - 1);
            }
        }
    }

    private record RequiredCheck(List<String> names) implements Check {
        @Override
        public void validate(YNode instance, Run run) {
            if (!(instance instanceof YMapping m)) {
                return;
            }
            for (String name : names) {
                if (m.get(name) == null) {
                    run.report("required", name, List.of(), List.of(), null, null, null, "required property '"
                            + name + "' not found");
                }
            }
        }
    }

    /**
     * uniqueItems as networknt applies it: to the items of a sequence and to the values of a mapping
     * (Jackson iterates an object's values), one violation for each item equal to an earlier one.
     */
    private record UniqueItemsCheck() implements Check {
        @Override
        public void validate(YNode instance, Run run) {
            List<YNode> items;
            if (instance instanceof YSequence s) {
                items = s.items();
            } else if (instance instanceof YMapping m) {
                items = new ArrayList<>();
                for (YEntry e : m.members()) {
                    items.add(e.value());
                }
            } else {
                return;
            }
            Set<Object> seen = new HashSet<>();
            for (YNode item : items) {
                if (!seen.add(value(item.resolve(), run))) {
                    run.report("uniqueItems", null, List.of(), List.of(), null, null, null,
                            "must have only unique items in the array");
                }
            }
        }
    }

    private record EnumCheck(String keyword, List<Object> values, List<String> texts) implements Check {
        @Override
        public void validate(YNode instance, Run run) {
            Object v = value(instance, run);
            if (!values.contains(v)) {
                String listed = keyword.equals("const") ? texts.get(0) : "[" + String.join(", ", texts) + "]";
                run.report(keyword, null, List.of(), texts, text(v), null, null, keyword.equals("const")
                        ? "must be the constant value '" + listed + "'"
                        : "does not have a value in the enumeration " + listed);
            }
        }
    }

    private record BoundCheck(String keyword, BigDecimal bound, String text) implements Check {
        @Override
        public void validate(YNode instance, Run run) {
            if (!(instance instanceof YScalar s)) {
                return;
            }
            Object v = run.scalar(s);
            BigDecimal d = v instanceof BigInteger i ? new BigDecimal(i) : v instanceof BigDecimal b ? b : null;
            if (d == null) {
                return;
            }
            int c = d.compareTo(bound);
            boolean fails = switch (keyword) {
                case "minimum" -> c < 0;
                case "maximum" -> c > 0;
                default -> c <= 0; // exclusiveMinimum
            };
            if (fails) {
                run.report(keyword, null, List.of(), List.of(), null, null, null, keyword.equals("exclusiveMinimum")
                        ? "must have an exclusive minimum value of " + text
                        : "must have a " + keyword + " value of " + text);
            }
        }
    }

    private record MinLengthCheck(int min) implements Check {
        @Override
        public void validate(YNode instance, Run run) {
            if (instance instanceof YScalar s && run.scalar(s) instanceof String text
                    && text.codePointCount(0, text.length()) < min) {
                run.report("minLength", null, List.of(), List.of(), null, null, null, "must be at least " + min
                        + " characters long");
            }
        }
    }

    private record MinItemsCheck(int min) implements Check {
        @Override
        public void validate(YNode instance, Run run) {
            if (instance instanceof YSequence s && s.items().size() < min) {
                run.report("minItems", null, List.of(), List.of(), null, null, null, "must have at least " + min
                        + " items but found " + s.items().size());
            }
        }
    }

    /** anyOf as networknt reports it: when no branch holds, every branch's violations. */
    private record AnyOfCheck(List<Node> branches) implements Check {
        @Override
        public void validate(YNode instance, Run run) {
            List<Violation> kept = run.out;
            List<Violation> all = new ArrayList<>();
            try {
                for (Node b : branches) {
                    run.out = new ArrayList<>();
                    b.validate(instance, run);
                    if (run.out.isEmpty()) {
                        return;
                    }
                    all.addAll(run.out);
                }
            } finally {
                run.out = kept;
            }
            kept.addAll(all);
        }
    }

    /** A string's pattern, compiled when a string is first checked against it (most runs check none). */
    private static final class PatternCheck implements Check {
        private final String regex;
        private volatile Pattern pattern;

        PatternCheck(String regex) {
            this.regex = regex;
        }

        @Override
        public void validate(YNode instance, Run run) {
            if (instance instanceof YScalar s && run.scalar(s) instanceof String text) {
                Pattern p = pattern;
                if (p == null) {
                    p = Pattern.compile(regex); // the same for every thread that gets here first
                    pattern = p;
                }
                if (!p.matcher(text).find()) {
                    run.report("pattern", null, List.of(), List.of(), null, null, null,
                            "does not match the regex pattern " + regex);
                }
            }
        }
    }

    private record IfCheck(Node condition, Node then, Node otherwise) implements Check {
        @Override
        public void validate(YNode instance, Run run) {
            List<Violation> kept = run.out;
            run.out = new ArrayList<>();
            condition.validate(instance, run);
            boolean holds = run.out.isEmpty();
            run.out = kept;
            Node branch = holds ? then : otherwise;
            if (branch != null) {
                branch.validate(instance, run);
            }
        }
    }

    /** {@link #value(YNode, Function)} of an instance's node, its scalars read through the run. */
    private static Object value(YNode n, Run run) {
        if (n == null) {
            return JsonValue.NULL;
        }
        if (n instanceof YMapping m) {
            Map<String, Object> out = new HashMap<>();
            for (YEntry e : m.members()) {
                out.put(e.keyText(), value(e.value().resolve(), run));
            }
            return out;
        }
        if (n instanceof YSequence s) {
            List<Object> out = new ArrayList<>();
            for (YNode item : s.items()) {
                out.add(value(item.resolve(), run));
            }
            return out;
        }
        Object v = run.scalar((YScalar) n);
        return v instanceof BigDecimal d ? new Decimal(d) : v;
    }

    /** A value as JSON compares it: mappings by their members in any order, sequences in order. */
    private static Object value(YNode n, Function<YScalar, String> scalarText) {
        if (n == null) {
            return JsonValue.NULL;
        }
        if (n instanceof YMapping m) {
            Map<String, Object> out = new HashMap<>();
            for (YEntry e : m.members()) {
                out.put(e.keyText(), value(e.value().resolve(), scalarText));
            }
            return out;
        }
        if (n instanceof YSequence s) {
            List<Object> out = new ArrayList<>();
            for (YNode item : s.items()) {
                out.add(value(item.resolve(), scalarText));
            }
            return out;
        }
        Object v = JsonValue.of((YScalar) n, scalarText);
        return v instanceof BigDecimal d ? new Decimal(d) : v;
    }

    /** A JSON decimal number, equal to another when their values are (1.0 and 1.00), as Jackson compares them. */
    private record Decimal(BigDecimal value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Decimal d && d.value.compareTo(value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value.doubleValue());
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** What a value reads as in a message: the scalar's text, nothing for a mapping or sequence. */
    private static String text(Object v) {
        return v instanceof Map || v instanceof List ? "" : String.valueOf(v);
    }

    // ---- compiling ----

    private static final class Compiler {
        private final YNode document;
        private final Map<String, Node> byPointer = new HashMap<>();
        private final List<RefCheck> refs = new ArrayList<>();

        Compiler(YNode document) {
            this.document = document;
        }

        Node node(YNode schema, String pointer) {
            Node known = byPointer.get(pointer);
            if (known != null) {
                return known;
            }
            Node node = new Node();
            byPointer.put(pointer, node);
            YNode s = schema.resolve();
            if (s instanceof YScalar b && b.kind() == YScalar.Kind.BOOL) {
                if (!Boolean.parseBoolean(b.value())) {
                    throw new Unsupported("false schema at " + pointer);
                }
                return node.done();
            }
            if (!(s instanceof YMapping m)) {
                throw new Unsupported("schema at " + pointer + " is not an object");
            }
            Map<String, Node> properties = new LinkedHashMap<>();
            List<Map.Entry<KeyPattern, Node>> patterns = new ArrayList<>();
            boolean objectKeywords = false;
            boolean closed = false;
            Node additional = null;
            for (YEntry e : m.members()) {
                String k = e.keyText();
                YNode v = e.value().resolve();
                String at = pointer + "/" + k;
                switch (k) {
                    case "type" -> node.checks.add(v instanceof YSequence seq
                            ? new TypeCheck(strings(seq, at), true) : new TypeCheck(List.of(string(v, at)), false));
                    case "$ref" -> {
                        String ref = string(v, at);
                        if (!ref.startsWith("#")) {
                            throw new Unsupported("remote $ref " + ref);
                        }
                        RefCheck r = new RefCheck(ref.substring(1), this);
                        refs.add(r);
                        node.checks.add(r);
                    }
                    case "properties" -> {
                        objectKeywords = true;
                        for (YEntry p : mapping(v, at).members()) {
                            properties.put(p.keyText(), node(p.value(), at + "/" + escape(p.keyText())));
                        }
                    }
                    case "patternProperties" -> {
                        objectKeywords = true;
                        for (YEntry p : mapping(v, at).members()) {
                            patterns.add(Map.entry(KeyPattern.of(p.keyText()),
                                    node(p.value(), at + "/" + escape(p.keyText()))));
                        }
                    }
                    case "additionalProperties" -> {
                        objectKeywords = true;
                        if (v instanceof YScalar b && b.kind() == YScalar.Kind.BOOL) {
                            closed = !Boolean.parseBoolean(b.value());
                        } else {
                            additional = node(v, at);
                        }
                    }
                    case "items" -> {
                        if (v instanceof YSequence) {
                            throw new Unsupported("items as an array at " + at);
                        }
                        node.checks.add(new ItemsCheck(node(v, at)));
                    }
                    case "required" -> node.checks.add(new RequiredCheck(strings(v, at)));
                    case "uniqueItems" -> {
                        if (v instanceof YScalar b && b.kind() == YScalar.Kind.BOOL) {
                            if (Boolean.parseBoolean(b.value())) {
                                node.checks.add(new UniqueItemsCheck());
                            }
                        } else {
                            throw new Unsupported("uniqueItems at " + at);
                        }
                    }
                    case "enum", "const" -> {
                        List<Object> values = new ArrayList<>();
                        List<String> texts = new ArrayList<>();
                        for (YNode item : k.equals("enum") ? sequence(v, at).items() : List.of(v)) {
                            Object value = value(item.resolve(), SchemaCheck.AS_WRITTEN);
                            if (value instanceof Map || value instanceof List) {
                                throw new Unsupported("an object or array in " + k + " at " + at);
                            }
                            values.add(value);
                            texts.add(text(value));
                        }
                        node.checks.add(new EnumCheck(k, values, texts));
                    }
                    case "minLength" -> node.checks.add(new MinLengthCheck(count(v, at)));
                    case "minItems" -> node.checks.add(new MinItemsCheck(count(v, at)));
                    case "anyOf" -> {
                        List<Node> branches = new ArrayList<>();
                        List<YNode> items = sequence(v, at).items();
                        for (int i = 0; i < items.size(); i++) {
                            branches.add(node(items.get(i), at + "/" + i));
                        }
                        node.checks.add(new AnyOfCheck(branches));
                    }
                    case "minimum", "maximum", "exclusiveMinimum" -> {
                        Object bound = v instanceof YScalar b ? JsonValue.of(b, SchemaCheck.AS_WRITTEN) : null;
                        if (!(bound instanceof BigInteger)) {
                            throw new Unsupported(k + " that is not an integer at " + at);
                        }
                        node.checks.add(new BoundCheck(k, new BigDecimal((BigInteger) bound), bound.toString()));
                    }
                    case "pattern" -> node.checks.add(new PatternCheck(string(v, at)));
                    case "if" -> {
                        YNode then = m.value("then");
                        YNode otherwise = m.value("else");
                        node.checks.add(new IfCheck(node(v, at), then == null ? null : node(then, pointer + "/then"),
                                otherwise == null ? null : node(otherwise, pointer + "/else")));
                    }
                    case "then", "else" -> {
                        if (m.get("if") == null) {
                            continue; // without if, then and else do nothing
                        }
                    }
                    default -> {
                        if (!ANNOTATIONS.contains(k)) {
                            throw new Unsupported("keyword " + k + " at " + at);
                        }
                    }
                }
            }
            if (objectKeywords) {
                node.checks.add(new ObjectCheck(properties, patterns, closed, additional,
                        List.copyOf(properties.keySet())));
            }
            return node.done();
        }

        private YNode at(String pointer) {
            YNode n = document.resolve();
            if (pointer.isEmpty()) {
                return n;
            }
            for (String part : pointer.substring(1).split("/", -1)) {
                String key = part.replace("~1", "/").replace("~0", "~");
                if (!(n instanceof YMapping m) || m.value(key) == null) {
                    throw new Unsupported("$ref #" + pointer + " points nowhere");
                }
                n = m.value(key);
            }
            return n;
        }

        private static String escape(String key) {
            return key.replace("~", "~0").replace("/", "~1");
        }

        private static YMapping mapping(YNode v, String at) {
            if (v instanceof YMapping m) {
                return m;
            }
            throw new Unsupported("not an object at " + at);
        }

        private static YSequence sequence(YNode v, String at) {
            if (v instanceof YSequence s) {
                return s;
            }
            throw new Unsupported("not an array at " + at);
        }

        private static int count(YNode v, String at) {
            if (v instanceof YScalar s && JsonValue.of(s, SchemaCheck.AS_WRITTEN) instanceof BigInteger i
                    && i.signum() >= 0 && i.bitLength() < 31) {
                return i.intValue();
            }
            throw new Unsupported("not a count at " + at);
        }

        private static String string(YNode v, String at) {
            if (v instanceof YScalar s && s.kind() == YScalar.Kind.STRING) {
                return s.value();
            }
            throw new Unsupported("not a string at " + at);
        }

        private static List<String> strings(YNode v, String at) {
            List<String> out = new ArrayList<>();
            for (YNode item : sequence(v, at).items()) {
                out.add(string(item.resolve(), at));
            }
            return out;
        }
    }
}
