package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.composefix.testing.PieceTexts;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Secrets#placeholder} against the expression it stands for, on chosen and on generated values. */
class SecretsPlaceholderTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\s*(|change[-_ ]?me|change[-_ ]?it|replace[-_ ]?me"
            + "|placeholder|example|dummy|redacted|todo|tbd|none|null|~|x{3,}|\\*+|\\.{3}|<[^>]*>|\\{\\{.*}}"
            + "|your[-_ ].*)\\s*");

    @Test
    void chosenValues() {
        for (String v : List.of("", " ", "\t\n", "changeme", "CHANGE_ME", " Change me ", "change--me", "changeit",
                "replace-me", "replaceme!", "placeholder", "Example", "dummy", "REDACTED", "todo", "tbd", "None",
                "null", "~", "~~", "xxx", "XxX", "xx", "xxxx ", "*", "****", "**x", "...", "....", "..", "<>",
                "<password>", "<a>b>", "<a\nb>", "{{}}", "{{ .Values.x }}", "{{a\nb}}", "{{}", "your-key",
                "your_token here", "your ", "your", "your\n", "your x\ny", "your-\u2028", "yourkey", " your key \t",
                "hunter2", "s3cr3t!", "\u000Bnone\f", "\u00A0none", "non\u0065", "\u212Aey", "YOUR KEY")) {
            assertEquals(PLACEHOLDER.matcher(v).matches(), Secrets.placeholder(v), "'" + v + "'");
        }
    }

    /** Values made of the expression's own pieces and a few others; replay one with -Dcomposefix.placeholderSeed=SEED. */
    @Test
    void generatedValues() {
        PieceTexts.agree("composefix.placeholderSeed", 20261124L, 50_000, List.of("change", "replace", "me", "it",
                "your", "-", "_", " ", "\t", "\n", "\r", "x", "X", "*", ".", "<", ">", "{", "}", "{{", "}}", "none",
                "NULL", "todo", "~", "a", "\u2028", "\u0085", "\u000B", "example", "placeholder"), 5,
                v -> PLACEHOLDER.matcher(v).matches(), Secrets::placeholder);
    }
}
