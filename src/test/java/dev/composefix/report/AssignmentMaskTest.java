package dev.composefix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.model.Secrets;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The masking of {@code NAME: value} and {@code NAME=value}, which first looks for a secret word before a
 * ':' or '=' and skips the pattern when there is none, against matching the pattern on every text that may
 * name a secret, as it first did: on seeded texts of secret words, separators, quotes, white space and
 * letters that upper-case to ASCII. A failure names its seed.
 */
class AssignmentMaskTest {

    private static final List<String> PIECES = List.of("PASSWORD", "pass", "Pwd", "secret", "TOKEN", "api_key", "Key",
            "auth", "CREDS", "credential", "ſecret", "paß", "DB", "_", ".", "-", "1", "x", ":", "=", ": ", " = ", " ",
            "\t", "\n", "\u000b", "\"", "'", "hunter2", "${X}", "${X:-pw}", "changeme", "#", ",", "]", "}", "{",
            "\u00e9", "passwords", "KEY_FILE", "://", "u:pw@h", "***", "x".repeat(130),
            // the bounds of a name's length, and the rest of \s
            "x".repeat(126), "x".repeat(127), "\r", "\f");

    @Test
    void assignmentsAreMaskedAsByThePatternAlone() {
        int masked = 0;
        for (long seed = 1; seed <= 50_000; seed++) {
            Random random = new Random(seed);
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                b.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = b.toString();
            int pieces = Secrets.pieces(text);
            String expected = reference(text, pieces);
            if (!expected.equals(text)) {
                masked++;
            }
            assertEquals(expected, SecretRedaction.maskAssignments(text, pieces), "seed " + seed + ": " + text);
        }
        assertEquals(true, masked > 2_000, "too few seeded texts are masked: " + masked);
    }

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]{0,127})([\"']?\\s*[:=]\\s*)(\"[^\"]*\"?|'[^']*'?|[^\\s#,\\]\"']+)");

    /** SecretRedaction's assignment pass as it was first written. */
    private static String reference(String text, int pieces) {
        if (!Secrets.mayNameSecret(pieces)) {
            return text;
        }
        Matcher m = ASSIGNMENT.matcher(text);
        StringBuilder b = null;
        int at = 0;
        while (m.find()) {
            String value = m.group(3);
            char q = value.charAt(0);
            boolean quoted = q == '"' || q == '\'';
            String inner = quoted ? value.substring(1, value.length() > 1 && value.endsWith(String.valueOf(q))
                    ? value.length() - 1 : value.length()) : plain(value);
            if (inner.equals(SecretRedaction.MASK) || !Secrets.secretName(m.group(1)) || !Secrets.secretValue(inner)) {
                continue;
            }
            if (b == null) {
                b = new StringBuilder();
            }
            int from = quoted ? m.start(3) + 1 : m.start(3);
            b.append(text, at, from).append(SecretRedaction.MASK);
            at = from + inner.length();
        }
        return b == null ? text : b.append(text.substring(at)).toString();
    }

    private static String plain(String value) {
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (depth == 0) {
                    return value.substring(0, i);
                }
                depth--;
            }
        }
        return value;
    }
}
