package dev.composefix.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ten thousand checks on a few shared intervals: the planner finishes, improves, and is a fixed point. */
class LargeStackTest {

    @Test
    void tenThousandChecksPlanAndReplanToNothing() {
        long[] common = {30, 30, 30, 10, 60, 15, 45, 120, 3700};
        Random random = new Random(10_000);
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long interval = common[random.nextInt(common.length)];
            checks.add(switch (i % 7) {
                case 3 -> new Check("cache-" + i, interval, 10, 60);
                case 5 -> new Check("job-" + i, interval, 5, 30);
                default -> new Check("svc-" + i, interval, 15, 90);
            });
        }
        IntervalPlanner planner = new IntervalPlanner();
        Plan plan = planner.plan(checks);
        assertFalse(plan.resolved());
        assertTrue(plan.collidingPairsAfter() < plan.collidingPairsBefore() / 10,
                plan.collidingPairsBefore() + " -> " + plan.collidingPairsAfter());
        assertTrue(plan.explanation().startsWith("10000 checks with health checks but only "), plan.explanation());
        Plan again = planner.plan(plan.applyTo(checks));
        assertTrue(again.isEmpty());
        assertEquals(plan.collidingPairsAfter(), again.collidingPairsAfter());
    }
}
