package dev.composefix.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonReader} reads JSON into the same tree the YAML loader makes of it, positions included. */
class JsonReaderTest {

    /** The tree as text: kinds, values and start positions, nested. */
    private static String dump(YNode n) {
        StringBuilder b = new StringBuilder();
        dump(n.resolve(), b);
        return b.toString();
    }

    private static void dump(YNode n, StringBuilder b) {
        b.append(n.span().start().line()).append(':').append(n.span().start().column()).append(' ');
        if (n instanceof YMapping m) {
            b.append('{');
            for (YEntry e : m.members()) {
                b.append(e.keyText()).append('@').append(e.key().span().start().line()).append('=');
                dump(e.value().resolve(), b);
                b.append(',');
            }
            b.append('}');
        } else if (n instanceof YSequence s) {
            b.append('[');
            for (YNode item : s.items()) {
                dump(item.resolve(), b);
                b.append(',');
            }
            b.append(']');
        } else {
            YScalar s = (YScalar) n;
            b.append(s.kind()).append('(').append(s.value()).append(')');
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose", "config", "baseline", "report", "rule"})
    void readsTheShippedSchemasAsTheYamlLoaderDoes(String name) throws Exception {
        byte[] bytes = ReferenceValidator.bytes("/schemas/" + name + ".schema.json");
        YNode json = JsonReader.read(name, new String(bytes, StandardCharsets.UTF_8));
        YNode yaml = new YamlLoader().load(bytes).root();
        assertEquals(dump(yaml), dump(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": [1, -2.5e3, true, null, \"x\\u00e9\\n\\\"\"], \"b\": {}, \"c\": []}",
            "[0, 10, 1.0, \"\\/\\\\\"]", "\"just a string\"", "  42  "})
    void readsValuesAsTheYamlLoaderDoes(String text) throws Exception {
        assertEquals(dump(new YamlLoader().load(text).root()), dump(JsonReader.read("t", text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1,}", "{\"a\" 1}", "[1, 2", "{a: 1}", "\"open", "01", "tru", "[1] 2", ""})
    void rejectsWhatIsNotJsonWithItsPosition(String text) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JsonReader.read("s.json", text));
        assertTrue(e.getMessage().matches("s\\.json:\\d+:\\d+: .+"), e.getMessage());
    }
}
