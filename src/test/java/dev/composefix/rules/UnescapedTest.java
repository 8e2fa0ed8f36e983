package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code $$} unescaping for the docker hazard rules, against the straightforward copy-and-map it was
 * (every text copied, every position mapped), on seeded random texts rich in dollars; the seed of a
 * failure is in its message.
 */
class UnescapedTest {

    @Test
    void textAndPositionsAreThoseOfCopyingEveryText() {
        String alphabet = "$$$ab {}";
        for (long seed = 1; seed <= 5_000; seed++) {
            Random random = new Random(seed);
            StringBuilder raw = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = raw.toString();
            DockerHazardRule.Unescaped u = DockerHazardRule.Unescaped.of(text);
            Reference r = Reference.of(text);
            assertEquals(r.text, u.text(), "seed " + seed + ": " + text);
            for (int i = -2; i <= text.length() + 2; i++) {
                assertEquals(r.rawIndex(i), u.rawIndex(i), "seed " + seed + ": " + text + " at " + i);
            }
        }
    }

    /** The unescaping as first written: a copy of every text and a map of every position. */
    private record Reference(String text, int[] map) {
        static Reference of(String raw) {
            StringBuilder b = new StringBuilder(raw.length());
            int[] map = new int[raw.length() + 1];
            int n = 0;
            for (int i = 0; i < raw.length(); i++) {
                map[n] = i;
                b.append(raw.charAt(i));
                n++;
                if (raw.charAt(i) == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '$') {
                    i++;
                }
            }
            map[n] = raw.length();
            return new Reference(b.toString(), map);
        }

        int rawIndex(int i) {
            return map[Math.max(0, Math.min(i, text.length()))];
        }
    }
}
