package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * JsonWriter's strings, appended in runs between the characters it escapes, against escaping character by
 * character as it first did: on seeded strings of quotes, backslashes, every control character, line and
 * paragraph separators, non-Latin-1 text and lone surrogates (a failure names its seed); and the indentation of
 * every level, below and above the levels whose line starts are made once.
 */
class JsonStringTest {

    private static final List<String> PIECES = List.of("a", "plain text ", "\"", "\\", "\n", "\r", "\t", "\b", "\f",
            "\u0000", "\u0001", "\u001b[31m", "\u001f", " ", "\u007f", "\u00e9", "\u2028", "\u2029", "\u20ac",
            "\ud83d\ude00", "\ud800", "\udc00", "/", "'", "${X}", "\\u0041");

    @Test
    void stringsAreEscapedAsCharacterByCharacter() {
        for (long seed = 1; seed <= 20_000; seed++) {
            Random random = new Random(seed);
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(10);
            for (int i = 0; i < n; i++) {
                b.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String s = b.toString();
            String expected = "{\n  " + reference(s) + ": " + reference(s) + "\n}";
            assertEquals(expected, new JsonWriter().beginObject().field(s, s).endObject().toString(), "seed " + seed);
        }
    }

    @Test
    void everyLevelIsIndentedTwoSpacesMore() {
        for (int depth = 1; depth <= 40; depth++) {
            JsonWriter w = new JsonWriter();
            for (int i = 0; i < depth; i++) {
                w.beginArray();
            }
            w.value("x").value(1);
            for (int i = 0; i < depth; i++) {
                w.endArray();
            }
            StringBuilder expected = new StringBuilder("[");
            for (int i = 1; i < depth; i++) {
                expected.append('\n').append("  ".repeat(i)).append('[');
            }
            expected.append('\n').append("  ".repeat(depth)).append("\"x\",");
            expected.append('\n').append("  ".repeat(depth)).append('1');
            for (int level = depth - 1; level >= 0; level--) {
                expected.append('\n').append("  ".repeat(level)).append(']');
            }
            assertEquals(expected.toString(), w.toString(), "depth " + depth);
        }
    }

    /** The string as JsonWriter first wrote it. */
    private static String reference(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
