package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An interpolator keeps the templates it expanded: asked again, and for more templates than it keeps, it
 * answers as interpolating anew does (the char-by-char reference), on seeded templates.
 */
class InterpolatorKeptTest {

    @Test
    void keptExpansionsAreThoseMadeAnew() {
        Variables vars = Variables.of(Map.of("A", "x", "EMPTY", "", "B_1", "{}$", "LONG", "y".repeat(2000)));
        Interpolator kept = new Interpolator(vars);
        ReferenceInterpolator anew = new ReferenceInterpolator(vars);
        String[] pieces = {"$", "$$", "${", "}", "A", "B_1", "EMPTY", "LONG", "Z", ":-", "-", ":?", "+", ":+", "x", " ",
            "é", "{", ":", "1", "y".repeat(300)};
        for (long seed = 1; seed <= 20_000; seed++) {
            Random r = new Random(seed);
            StringBuilder b = new StringBuilder("$");
            for (int n = r.nextInt(10); n > 0; n--) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = b.toString();
            Interpolated expected = anew.apply(text);
            assertEquals(expected, kept.apply(text), "seed " + seed + ": " + text);
            assertEquals(expected, kept.apply(new String(text)), "seed " + seed + ", asked again: " + text);
        }
    }
}
