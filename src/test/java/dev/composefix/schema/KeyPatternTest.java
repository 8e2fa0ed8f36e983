package dev.composefix.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A patternProperties pattern's quick answers are the ones its matcher gives, for every kind of key. */
class KeyPatternTest {

    private static final List<String> REGEXES = List.of("^x-", "^[a-zA-Z0-9._-]+$", "^.+$", ".+", "^[a-z]+$",
            "^[a-z0-9]+$", "^[-a-z]+$", "^[a-z-]+$", "^[^a-z]+$", "^[a-z]*$", "[a-z]+", "^x-[a-z]+$", "^[A-Z_]+$",
            "^[0-9]+$", "^[a-z\\d]+$");

    @Test
    void quickAnswersAreTheMatchersAnswers() {
        Random r = new Random(7);
        String alphabet = "abcxyzABCXYZ019._-x- \t\n\r\u0085\u2028é€😀:/@[]^$";
        for (String regex : REGEXES) {
            CompiledSchema.KeyPattern p = CompiledSchema.KeyPattern.of(regex);
            Pattern reference = Pattern.compile(regex);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder key = new StringBuilder();
                int n = r.nextInt(6);
                for (int k = 0; k < n; k++) {
                    key.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                String k = key.toString();
                assertEquals(reference.matcher(k).find(), p.find(k), regex + " on '" + k + "'");
            }
            for (String k : List.of("", "x-", "x-a", "web", "web-1", "my_service.v2", "a\n", "a\r\n", "\n", "-", "A")) {
                assertEquals(reference.matcher(k).find(), p.find(k), regex + " on '" + k + "'");
            }
        }
    }
}
