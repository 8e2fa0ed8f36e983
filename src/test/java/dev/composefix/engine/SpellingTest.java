package dev.composefix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The distance kept in rolling rows is the one the whole matrix gives, and hints read as before. */
class SpellingTest {

    private static int matrix(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }

    @Test
    void rollingRowsGiveTheMatrixDistance() {
        Random r = new Random(9);
        for (int round = 0; round < 50_000; round++) {
            String a = word(r);
            String b = r.nextInt(4) == 0 ? a : word(r);
            assertEquals(matrix(a, b), Spelling.distance(a, b), a + " / " + b);
        }
    }

    @Test
    void hints() {
        assertEquals(" (did you mean 'image'?)", Spelling.hint("imgae", List.of("image", "build", "ports")));
        assertEquals("", Spelling.hint("zzzzzz", List.of("image", "build", "ports")));
        assertEquals("ports", Spelling.closest("port", List.of("image", "build", "ports")));
    }

    private static String word(Random r) {
        StringBuilder b = new StringBuilder();
        for (int n = r.nextInt(9); n > 0; n--) {
            b.append("abcab_".charAt(r.nextInt(6)));
        }
        return b.toString();
    }
}
