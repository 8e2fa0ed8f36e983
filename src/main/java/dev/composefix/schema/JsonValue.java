package dev.composefix.schema;

import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YamlLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * The JSON value of a YAML scalar as Compose reads it (the YAML core schema, a plain value that
 * interpolation changed typed by its new text), shared by {@link JsonTree} and {@link CompiledSchema}
 * so the two validators see the same instance.
 */
final class JsonValue {

    private JsonValue() {
    }

    /** The JSON null as {@link #of} gives it. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /**
     * A scalar's JSON value, as both validators see it: {@link #NULL}, a Boolean, a BigInteger, a
     * BigDecimal, or a String (an integer or float whose text has no JSON number, such as .inf, stays a string).
     */
    static Object of(YScalar s, Function<YScalar, String> scalarText) {
        String text = scalarText.apply(s);
        YScalar.Kind kind = s.kind();
        if (s.style() == YScalar.Style.PLAIN && !text.equals(s.value())) {
            kind = YamlLoader.plainKind(text); // interpolated: typed by what it became (cpus: ${CPUS:-0.5} is 0.5)
        }
        return switch (kind) {
            case NULL -> NULL;
            case BOOL -> Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
            case INT -> integer(text);
            case FLOAT -> number(text);
            case STRING -> text;
        };
    }

    private static Object integer(String text) {
        try {
            String t = text.replace("_", "");
            if (t.startsWith("0x")) {
                return new BigInteger(t.substring(2), 16);
            }
            if (t.startsWith("0o")) {
                return new BigInteger(t.substring(2), 8);
            }
            return new BigInteger(t);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static Object number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text; // .inf and .nan have no JSON form
        }
    }
}
