package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

/** {@link YamlLoader#plainKind}, worked out by hand, answers as the core schema's resolver does. */
class PlainKindTest {

    private static final CoreScalarResolver RESOLVER = new CoreScalarResolver(false);

    private static YScalar.Kind resolved(String text) {
        Tag t = RESOLVER.resolve(text, true);
        return Tag.NULL.equals(t) ? YScalar.Kind.NULL : Tag.BOOL.equals(t) ? YScalar.Kind.BOOL
                : Tag.INT.equals(t) ? YScalar.Kind.INT : Tag.FLOAT.equals(t) ? YScalar.Kind.FLOAT : YScalar.Kind.STRING;
    }

    @Test
    void answersAsTheResolverDoes() {
        List<String> fixed = List.of("", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "FALSE", "yes",
                "on", "1", "-1", "+1", "0o17", "0x1F", "1.5", ".5", "-.inf", ".NaN", "1e3", "$X", "${X}", "<<", "abc",
                "nginx:1.27", "8080:80", " 1", "é", "\u00a01");
        for (String s : fixed) {
            assertEquals(resolved(s), YamlLoader.plainKind(s), "'" + s + "'");
        }
        for (int c = 0; c < 0x10000; c++) {
            for (String rest : List.of("", "ull", "rue", "alse", "1", "x", " ", ".5", "inf")) {
                String s = (char) c + rest;
                assertEquals(resolved(s), YamlLoader.plainKind(s), "U+" + Integer.toHexString(c) + rest);
            }
        }
        Random r = new Random(11);
        String alphabet = "ntfNTFaeluroxsyYAE~-+.0123456789$<_ :/é\t";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(7); k > 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(resolved(s), YamlLoader.plainKind(s), "'" + s + "'");
        }
        // Numbers, longer: signs, points, exponents, bases, the words of infinity and not-a-number.
        String[] parts = {"0", "1", "7", "9", "12", "08", ".", "-", "+", "e", "E", "x", "o", "a", "f", "F", "g",
            "inf", "Inf", "INF", "nan", "NaN", "NAN", "iNf", "0x", "0o", "_", " ", ":"};
        for (int i = 0; i < 300_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + r.nextInt(6); k > 0; k--) {
                b.append(parts[r.nextInt(parts.length)]);
            }
            String s = b.toString();
            assertEquals(resolved(s), YamlLoader.plainKind(s), "'" + s + "'");
        }
    }
}
