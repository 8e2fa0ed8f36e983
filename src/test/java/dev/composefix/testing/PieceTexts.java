package dev.composefix.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded texts made of a few pieces, for holding a hand-written reading to the regular expression it stands
 * for: each text is up to {@code maxPieces} pieces drawn at random. The seed is the system property
 * {@code property} when it is set (to replay a failure, which names its seed), else {@code seed}.
 */
public final class PieceTexts {

    private PieceTexts() {
    }

    /** Asserts that {@code expected} and {@code actual} give equal answers on {@code count} generated texts. */
    public static <T> void agree(String property, long seed, int count, List<String> pieces, int maxPieces,
            Function<String, T> expected, Function<String, T> actual) {
        long used = Long.getLong(property, seed);
        Random random = new Random(used);
        for (int n = 0; n < count; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(maxPieces + 1);
            for (int i = 0; i < length; i++) {
                b.append(pieces.get(random.nextInt(pieces.size())));
            }
            String text = b.toString();
            assertEquals(expected.apply(text), actual.apply(text),
                    () -> "'" + text.replace("\n", "\\n") + "' (-D" + property + "=" + used + ")");
        }
    }

    /** The characters of {@code alphabet}, each a piece. */
    public static List<String> characters(String alphabet) {
        return alphabet.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }
}
