package dev.composefix.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * Turns a YAML tree into the JSON value a schema validator checks, as Compose reads it: merge keys
 * applied, aliases resolved, plain scalars typed by the YAML core schema. A {@code scalarText}
 * function lets callers interpolate values first; a plain value that interpolation changed is typed
 * by its new text, as Compose does.
 */
public final class JsonTree {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonTree() {
    }

    public static JsonNode of(YNode node) {
        return of(node, YScalar::value);
    }

    public static JsonNode of(YNode node, Function<YScalar, String> scalarText) {
        YNode n = node == null ? null : node.resolve();
        if (n == null) {
            return F.nullNode();
        }
        if (n instanceof YMapping m) {
            ObjectNode o = F.objectNode();
            for (YEntry e : m.members()) {
                o.set(e.keyText(), of(e.value(), scalarText));
            }
            return o;
        }
        if (n instanceof YSequence s) {
            ArrayNode a = F.arrayNode();
            for (YNode item : s.items()) {
                a.add(of(item, scalarText));
            }
            return a;
        }
        YScalar s = (YScalar) n;
        String text = scalarText.apply(s);
        YScalar.Kind kind = s.kind();
        if (s.style() == YScalar.Style.PLAIN && !text.equals(s.value())) {
            kind = YamlLoader.plainKind(text); // interpolated: typed by what it became (cpus: ${CPUS:-0.5} is 0.5)
        }
        return switch (kind) {
            case NULL -> F.nullNode();
            case BOOL -> F.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
            case INT -> integer(text);
            case FLOAT -> number(text);
            case STRING -> F.textNode(text);
        };
    }

    private static JsonNode integer(String text) {
        try {
            String t = text.replace("_", "");
            if (t.startsWith("0x")) {
                return F.numberNode(new BigInteger(t.substring(2), 16));
            }
            if (t.startsWith("0o")) {
                return F.numberNode(new BigInteger(t.substring(2), 8));
            }
            return F.numberNode(new BigInteger(t));
        } catch (NumberFormatException e) {
            return F.textNode(text);
        }
    }

    private static JsonNode number(String text) {
        try {
            return F.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return F.textNode(text); // .inf and .nan have no JSON form
        }
    }
}
