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
        Object v = JsonValue.of((YScalar) n, scalarText);
        if (v == JsonValue.NULL) {
            return F.nullNode();
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof BigInteger i) {
            return F.numberNode(i);
        }
        if (v instanceof BigDecimal d) {
            return F.numberNode(d);
        }
        return F.textNode((String) v);
    }
}
