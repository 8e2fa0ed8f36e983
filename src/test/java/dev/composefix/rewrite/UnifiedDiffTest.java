package dev.composefix.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unified diff, long texts aligned on their unique lines first: whatever the texts, the diff
 * read back and applied to the old text gives the new one. Seeded pairs: a text of repeated and
 * unique lines, and the same with lines inserted, removed, changed and moved.
 */
class UnifiedDiffTest {

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theAnchoredDiffTurnsTheOldTextIntoTheNew(long seed) throws PatchFailedException {
        Random r = new Random(seed);
        List<String> a = text(r, 1 + r.nextInt(200));
        List<String> b = edited(r, a);
        Patch<String> patch = UnifiedDiff.anchored(a, b);
        assertEquals(b, patch.applyTo(a), () -> "seed " + seed);
        int[][] anchors = UnifiedDiff.anchors(a, b);
        for (int k = 0; k < anchors.length; k++) {
            assertEquals(a.get(anchors[k][0]), b.get(anchors[k][1]));
            if (k > 0) {
                assertTrue(anchors[k][0] > anchors[k - 1][0] && anchors[k][1] > anchors[k - 1][1], "anchors in order");
            }
        }
    }

    @Test
    void aLongDiffReadsBackAsThePatchFromOldToNew() throws PatchFailedException {
        Random r = new Random(7);
        List<String> a = text(r, 12_000);
        List<String> b = edited(r, a);
        assertTrue(a.size() + b.size() >= UnifiedDiff.ANCHORED_FROM);
        String diff = UnifiedDiff.of("compose.yaml", join(a), join(b));
        Patch<String> read = UnifiedDiffUtils.parseUnifiedDiff(Arrays.asList(diff.split("\n", -1)));
        assertEquals(b, read.applyTo(a));
    }

    @Test
    void aShortDiffIsTheMyersDiff() {
        Random r = new Random(11);
        List<String> a = text(r, 300);
        List<String> b = edited(r, a);
        List<String> expected = UnifiedDiffUtils.generateUnifiedDiff("f", "f", a, DiffUtils.diff(a, b), 3);
        assertEquals(String.join("\n", expected) + "\n", UnifiedDiff.of("f", join(a), join(b)));
    }

    /** Lines of a compose-like text: unique service keys among lines that repeat. */
    private static List<String> text(Random r, int n) {
        String[] common = {"    image: nginx:1.27", "    restart: unless-stopped", "    ports:", "      - \"80:80\"",
            "", "    environment:", "      A: b"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r.nextInt(4) == 0 ? "  svc" + i + ":" : common[r.nextInt(common.length)]);
        }
        return out;
    }

    private static List<String> edited(Random r, List<String> a) {
        List<String> b = new ArrayList<>(a);
        int edits = 1 + r.nextInt(Math.max(1, a.size() / 3));
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(b.size() + 1);
            switch (r.nextInt(4)) {
                case 0 -> b.add(at, "    deploy: " + r.nextInt(5));
                case 1 -> {
                    if (at < b.size()) {
                        b.remove(at);
                    }
                }
                case 2 -> {
                    if (at < b.size()) {
                        b.set(at, "    changed: " + r.nextInt(5));
                    }
                }
                default -> {
                    if (at < b.size()) {
                        b.add(r.nextInt(b.size()), b.remove(at)); // a line moved
                    }
                }
            }
        }
        return b;
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
