package dev.composefix.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link YamlEditor#plainSafe}, which reads numbers by hand, answers as it did with the regular
 * expression it replaced, for seeded strings made of number-like pieces, keywords and other characters.
 * A failure names its seed.
 */
class PlainSafeTest {

    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d[\\d_]*(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|0x[0-9a-fA-F]+|0o[0-7]+");

    private static final String[] PIECES = {"0", "1", "9", "42", "_", ".", "e", "E", "+", "-", "x", "o", "0x", "0o",
        "a", "f", "F", "g", "8", "7", " ", ":", "#", "M", "s", "null", "NULL", "true", "False", ".inf", "-.Inf", ".nan",
        "~", "\u017f", "\u0130", "\u212a", "\t", "'", "on-failure:3", "512M", "Ł", "\u00a0"};

    @Test
    void answersAsTheRegularExpression() {
        for (long seed = 1; seed <= 200_000; seed++) {
            Random r = new Random(seed);
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                b.append(PIECES[r.nextInt(r.nextBoolean() ? 14 : PIECES.length)]);
            }
            String v = b.toString();
            assertEquals(NUMBER.matcher(v).matches(), YamlEditor.number(v), "seed " + seed + ": '" + v + "'");
            assertEquals(reference(v), YamlEditor.plainSafe(v), "seed " + seed + ": '" + v + "'");
        }
    }

    /** plainSafe as first written, with the regular expression. */
    private static boolean reference(String value) {
        if (value.isEmpty() || !value.equals(value.strip())) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        if (value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("null") || lower.equals("~") || lower.equals("true") || lower.equals("false")
                || lower.equals(".inf") || lower.equals("-.inf") || lower.equals(".nan")) {
            return false;
        }
        return !NUMBER.matcher(value).matches();
    }
}
