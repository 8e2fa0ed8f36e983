package dev.composefix.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LimitFix#number}, whose forms are kept once written, writes what writing every number anew
 * wrote: seeded values (CPU counts, halves and quarters, arbitrary doubles, whole numbers), each asked
 * for twice, with more distinct values than the table keeps so slots are taken over. A failure names
 * its seed.
 */
class LimitNumberTest {

    @Test
    void keptFormsAreThoseWrittenAnew() {
        for (long seed = 1; seed <= 20_000; seed++) {
            Random r = new Random(seed);
            double d = switch (r.nextInt(5)) {
                case 0 -> r.nextInt(64) / 4.0;
                case 1 -> Math.round(r.nextDouble() * 1000) / 100.0;
                case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(12) - 4);
                case 3 -> r.nextInt(1 << 20);
                default -> -r.nextDouble() * 8;
            };
            String expected = reference(d);
            assertEquals(expected, LimitFix.number(d), "seed " + seed + ": " + d);
            assertEquals(expected, LimitFix.number(d), "seed " + seed + ", asked again: " + d);
        }
    }

    /** The form as first written: written anew every time. */
    private static String reference(double d) {
        if (d == Math.rint(d)) {
            return String.valueOf((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
