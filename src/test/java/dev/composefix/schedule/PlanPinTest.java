package dev.composefix.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plans of seeded random stacks, pinned: a digest of every plan (changes, pairs, what still collides,
 * the explanation) for seeds 1 to 600, taken from the planner before its searches were rewritten for speed
 * (79f575c). A change of any plan changes the digest; {@code -Dschedule.pin.print=true} prints each seed's
 * plan, to compare with the output of the older planner and find the first seed that differs.
 */
class PlanPinTest {

    private static final String PINNED = "5de8601b6c83f0560809046346e49ea7ddecb3b028693c6cd1456817b740b76d";

    private static final long[][] KINDS = {{15, 90}, {10, 60}, {5, 30}, {30, 300}, {10, 12}, {20, 25}, {1, 3600},
        {400, 2000}, {60, 120}, {5, 15}};
    private static final long[] COMMON = {5, 10, 15, 20, 30, 30, 30, 45, 60, 90, 120, 300};
    private static final long[] WINDOWS = {30, 60, 120, 300, 600, 600, 900};

    @Test
    void plansOfSeededStacksAreThoseOfThePlannerBeforeItsRewrite() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        boolean print = Boolean.getBoolean("schedule.pin.print");
        for (long seed = 1; seed <= 600; seed++) {
            Random random = new Random(seed);
            long window = WINDOWS[random.nextInt(WINDOWS.length)];
            long horizon = switch (random.nextInt(3)) {
                case 0 -> window;
                case 1 -> 3600;
                default -> 1 + random.nextInt(7200);
            };
            // Mostly stacks of a few dozen checks, so that the exhaustive search (up to 64 moving checks) runs.
            int count = 2 + random.nextInt(random.nextInt(6) == 0 ? 120 : 40);
            List<Check> checks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long[] band;
                if (random.nextInt(4) == 0) {
                    long min = 1 + random.nextInt(120);
                    band = new long[] {min, min + random.nextInt(80)};
                } else {
                    band = KINDS[random.nextInt(KINDS.length)];
                }
                long interval = switch (random.nextInt(10)) {
                    case 0 -> 3000 + random.nextInt(2000);
                    case 1, 2 -> 1 + random.nextInt(200);
                    default -> COMMON[random.nextInt(COMMON.length)];
                };
                checks.add(new Check("c" + Integer.toString(random.nextInt(1 << 16), 36) + "-" + i, interval,
                        band[0], band[1]));
            }
            String plan = seed + " " + new IntervalPlanner(window, horizon).plan(checks) + "\n";
            if (print) {
                System.out.print(plan);
            }
            digest.update(plan.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(PINNED, HexFormat.of().formatHex(digest.digest()));
    }
}
