package dev.composefix.engine;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions: the closest known word by edit distance, when close enough. */
public final class Spelling {

    private Spelling() {
    }

    /** The candidate nearest to {@code word}, or null when none is plausibly meant. */
    public static String closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        for (String c : candidates) {
            String l = c.toLowerCase(Locale.ROOT);
            if (Math.abs(l.length() - w.length()) > allowed) {
                // The distance is at least the difference in length: this one cannot be the answer, and
                // it cannot hide the answer either (any answer is nearer).
                continue;
            }
            int d = distance(w, l);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        // Row by row, keeping only the two rows before (a swap looks two back), over char arrays.
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        int m = y.length;
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            char xi = x[i - 1];
            for (int j = 1; j <= m; j++) {
                int cost = xi == y[j - 1] ? 0 : 1;
                int v = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && xi == y[j - 2] && x[i - 2] == y[j - 1]) {
                    v = Math.min(v, before[j - 2] + 1);
                }
                current[j] = v;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return previous[m];
    }

    /** " (did you mean 'x'?)" or the empty string. */
    public static String hint(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }
}
