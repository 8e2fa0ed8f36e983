package dev.composefix.schema;

import dev.composefix.engine.Spelling;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Validates a YAML tree against a JSON Schema and reports each violation at the YAML node it
 * concerns, in plain words, with "did you mean" for misspelled keys and enumeration values. A schema
 * shipped in the jar is run by {@link CompiledSchema} (no JSON library loaded: cheap at start-up);
 * networknt's validator is the reference it is tested against, and runs a schema that uses keywords
 * the compiled form does not know.
 */
public final class SchemaCheck {

    /** A validator of one schema: every violation in {@code root}, its scalars read through {@code scalarText}. */
    interface Validator {
        List<Violation> validate(YNode root, Function<YScalar, String> scalarText);
    }

    private final Validator validator;

    private SchemaCheck(Validator validator) {
        this.validator = validator;
    }

    private static final Map<String, SchemaCheck> LOADED = new ConcurrentHashMap<>();
    private static final Map<String, SchemaCheck> REFERENCE = new ConcurrentHashMap<>();

    /** A schema shipped in the jar, such as {@code /schemas/config.schema.json} (loaded once). */
    public static SchemaCheck resource(String path) {
        return LOADED.computeIfAbsent(path, LOAD);
    }

    private static final Function<String, SchemaCheck> LOAD = new Load();

    /** Loads a shipped schema: a class rather than a lambda, which a start would have to link. */
    private static final class Load implements Function<String, SchemaCheck> {
        @Override
        public SchemaCheck apply(String p) {
            // The schema's tree from the build's index, else from its JSON text.
            YNode tree = SchemaIndex.tree(p);
            byte[] bytes = tree == null ? ReferenceValidator.bytes(p) : null;
            CompiledSchema compiled = CompiledSchema.compile(tree != null ? tree : SchemaIndex.parse(p, bytes));
            if (compiled != null) {
                return new SchemaCheck(compiled);
            }
            return new SchemaCheck(ReferenceValidator.read(p, bytes != null ? bytes : ReferenceValidator.bytes(p)));
        }
    }

    /** The same schema run by networknt's validator: the reference for tests (loaded once). */
    public static SchemaCheck reference(String path) {
        return REFERENCE.computeIfAbsent(path, p -> new SchemaCheck(ReferenceValidator.read(p, ReferenceValidator.bytes(p))));
    }

    /** Whether this check runs the compiled form rather than networknt's validator. */
    public boolean compiled() {
        return validator instanceof CompiledSchema;
    }

    public List<SchemaProblem> check(YNode root) {
        return check(root, AS_WRITTEN, NEVER);
    }

    /** Each scalar's text as written ({@code YScalar::value}). */
    static final Function<YScalar, String> AS_WRITTEN = new AsWritten();

    /** A scalar's text as written: a class rather than a method reference, which a start would have to link. */
    private static final class AsWritten implements Function<YScalar, String> {
        @Override
        public String apply(YScalar s) {
            return s.value();
        }
    }

    private static final Predicate<YNode> NEVER = new Never();

    /** No node is unreliable: a class rather than a lambda, which a start would have to link. */
    private static final class Never implements Predicate<YNode> {
        @Override
        public boolean test(YNode n) {
            return false;
        }
    }

    /**
     * Checks {@code root} with each scalar read through {@code scalarText} (interpolation), leaving out
     * violations at nodes {@code unreliable} says nothing can be concluded from (a value that only
     * the environment where the stack runs decides).
     */
    public List<SchemaProblem> check(YNode root, Function<YScalar, String> scalarText, Predicate<YNode> unreliable) {
        List<SchemaProblem> out = new ArrayList<>();
        for (Violation v : validator.validate(root, scalarText)) {
            if (unreliable.test(locate(root, v.path()))) {
                continue;
            }
            out.add(describe(v, root));
        }
        out.sort(BY_OFFSET);
        return out;
    }

    /** By where in the file (a class: the JDK's {@code Comparator.comparingInt} lambdas are made at every start). */
    private static final Comparator<SchemaProblem> BY_OFFSET = new Comparator<>() {
        @Override
        public int compare(SchemaProblem a, SchemaProblem b) {
            return Integer.compare(a.span().start().offset(), b.span().start().offset());
        }
    };

    private static SchemaProblem describe(Violation v, YNode root) {
        YNode node = locate(root, v.path());
        String where = pointer(v.path());
        String property = v.property();
        switch (v.keyword()) {
            case "additionalProperties" -> {
                YNode key = keyNode(node, property);
                return new SchemaProblem(span(key != null ? key : node), "unknown key '" + property + "'"
                        + (where.isEmpty() ? "" : " in " + where) + Spelling.hint(property, v.allowed()));
            }
            case "required" -> {
                return new SchemaProblem(span(node), (where.isEmpty() ? "" : where + ": ")
                        + "missing required key '" + property + "'");
            }
            case "enum", "const" -> {
                String actual = v.actual() == null ? "" : v.actual();
                return new SchemaProblem(span(node), where + ": '" + actual + "' is not one of "
                        + String.join(", ", v.values()) + Spelling.hint(actual, v.values()));
            }
            case "type" -> {
                String expected = v.expected() == null ? "" : v.expected();
                return new SchemaProblem(span(node), where + ": expected " + expected.replace("[", "")
                        .replace("]", "").replace(", ", " or ") + ", found " + v.found());
            }
            default -> {
                return new SchemaProblem(span(node), (where.isEmpty() ? "" : where + ": ") + v.message());
            }
        }
    }

    /** A readable path such as {@code rules.missing-memory-limit} or {@code exclude[0]}. */
    private static String pointer(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object el : path) {
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

    private static YNode locate(YNode root, List<Object> path) {
        YNode n = root == null ? null : root.resolve();
        YNode at = root;
        for (int i = 0; n != null && i < path.size(); i++) {
            Object el = path.get(i);
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
