package dev.composefix.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Copying plain text in runs interpolates as copying it char by char did, on random templates. */
class InterpolatorRunsTest {

    @Test
    void runsInterpolateAsCharsDid() {
        Variables vars = Variables.of(Map.of("A", "x", "EMPTY", "", "B_1", "{}$"));
        Interpolator runs = new Interpolator(vars);
        ReferenceInterpolator chars = new ReferenceInterpolator(vars);
        Random r = new Random(3);
        String[] pieces = {"$", "$$", "${", "}", "A", "B_1", "EMPTY", "Z", ":-", "-", ":?", "+", ":+", "x", " ", "é",
            "\ud83d\ude00", "{", ":", "1"};
        for (int round = 0; round < 100_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(12); n > 0; n--) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = b.toString();
            assertEquals(chars.apply(text), runs.apply(text), text);
        }
    }
}
