package dev.composefix.rewrite;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unified diff (as {@code diff -u} prints it, three lines of context) made with java-diff-utils.
 *
 * <p>Its Myers diff takes time and memory that grow with the lines times the lines changed, and a
 * rewrite of 10,000 services changes about 90,000 of 118,000 (over two minutes and 1.8 GB, unfinished).
 * So a long pair of texts is first aligned on the lines that occur once in each (each service's key
 * line, say), in the longest run that keeps their order, and only the stretches between those anchors
 * are diffed: the result is a correct diff of the whole, if not always the shortest. Texts of up to
 * {@link #ANCHORED_FROM} lines together are diffed whole, as before.
 */
public final class UnifiedDiff {

    /** From this many lines (both texts together) the texts are aligned on their unique lines first. */
    static final int ANCHORED_FROM = 10_000;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}, or the empty string when they are equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = a.size() + b.size() < ANCHORED_FROM ? DiffUtils.diff(a, b) : anchored(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(path, path, a, patch, 3);
        StringBuilder s = new StringBuilder();
        for (String line : out) {
            s.append(line).append('\n');
        }
        return s.toString();
    }

    /** A diff of {@code a} to {@code b} from Myers diffs of the stretches between their anchor lines. */
    static Patch<String> anchored(List<String> a, List<String> b) {
        int[][] anchors = anchors(a, b);
        Patch<String> patch = new Patch<>();
        int fromA = 0;
        int fromB = 0;
        for (int k = 0; k <= anchors.length; k++) {
            int toA = k < anchors.length ? anchors[k][0] : a.size();
            int toB = k < anchors.length ? anchors[k][1] : b.size();
            if (toA > fromA || toB > fromB) {
                for (AbstractDelta<String> d : DiffUtils.diff(a.subList(fromA, toA), b.subList(fromB, toB)).getDeltas()) {
                    Chunk<String> source = d.getSource();
                    Chunk<String> target = d.getTarget();
                    patch.addDelta(d.withChunks(new Chunk<>(source.getPosition() + fromA, source.getLines()),
                            new Chunk<>(target.getPosition() + fromB, target.getLines())));
                }
            }
            fromA = toA + 1;
            fromB = toB + 1;
        }
        return patch;
    }

    /**
     * The pairs (index in a, index in b) of lines that occur exactly once in each text, the longest
     * chain of them increasing in both (patience sorting: n log n).
     */
    static int[][] anchors(List<String> a, List<String> b) {
        Map<String, int[]> seen = new HashMap<>(); // count in a, count in b, index in b
        for (String line : a) {
            seen.computeIfAbsent(line, k -> new int[3])[0]++;
        }
        for (int j = 0; j < b.size(); j++) {
            int[] s = seen.get(b.get(j));
            if (s != null) {
                s[1]++;
                s[2] = j;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            int[] s = seen.get(a.get(i));
            if (s[0] == 1 && s[1] == 1) {
                pairs.add(new int[] {i, s[2]});
            }
        }
        // Longest increasing run of b-indexes (the pairs are in a's order already).
        int n = pairs.size();
        int[] tails = new int[n]; // tails[len]: the pair ending the best run of length len + 1
        int[] previous = new int[n];
        int length = 0;
        for (int p = 0; p < n; p++) {
            int j = pairs.get(p)[1];
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (pairs.get(tails[mid])[1] < j) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[p] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = p;
            length = Math.max(length, lo + 1);
        }
        int[][] chain = new int[length][];
        for (int p = length > 0 ? tails[length - 1] : -1, k = length - 1; p >= 0; p = previous[p], k--) {
            chain[k] = pairs.get(p);
        }
        return chain;
    }

    /** Lines without their '\n' (a '\r' of CRLF stays, so such lines show as they are). */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
