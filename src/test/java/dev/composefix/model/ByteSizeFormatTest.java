package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteSize#format}, whose fractional forms are kept once written, writes what formatting every size
 * anew wrote: seeded sizes, each asked for twice, more of them than are kept. A failure names its seed.
 */
class ByteSizeFormatTest {

    @Test
    void keptFormsAreThoseFormattedAnew() {
        for (long seed = 1; seed <= 5_000; seed++) {
            Random r = new Random(seed);
            long bytes = switch (r.nextInt(4)) {
                case 0 -> (long) (r.nextDouble() * 4096) << (10 * r.nextInt(4));
                case 1 -> (1L + r.nextInt(64)) * (1L << 20) / (1 + r.nextInt(8));
                case 2 -> r.nextLong() & Long.MAX_VALUE;
                default -> r.nextInt(1 << 20);
            };
            String expected = reference(bytes);
            assertEquals(expected, ByteSize.format(bytes), "seed " + seed + ": " + bytes);
            assertEquals(expected, ByteSize.format(bytes), "seed " + seed + ", asked again: " + bytes);
        }
    }

    /** The form as first written: formatted anew every time. */
    private static String reference(long bytes) {
        String[] units = {"B", "K", "M", "G", "T"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (v == Math.rint(v)) {
            return (long) v + units[u];
        }
        return String.format(java.util.Locale.ROOT, "%.1f%s", v, units[u]).replace(".0" + units[u], units[u]);
    }
}
