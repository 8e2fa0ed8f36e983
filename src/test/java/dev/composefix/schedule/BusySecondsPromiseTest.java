package dev.composefix.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product's promise: a planned stack of N checks that all start at 30 s has at most a fifth of the
 * busy seconds of the naive spacing (45 s, 50 s, ... 5 s apart) for the same N.
 *
 * <p>The promise holds for N = 2..40 when the planner may use the range the naive spacing itself uses
 * (up to 45 + 5 (N - 1) s; 90 s for small stacks). With every band capped at 90 s it holds only up to
 * N = 21: at most 25 intervals between 10 s and 90 s have pairwise lcm above 10 minutes, so from
 * N = 26 collisions cannot be avoided at all, and well before that the short intervals meet each
 * other within the hour more often than the naive spacing's longer ones do.
 */
class BusySecondsPromiseTest {

    private static final IntervalPlanner PLANNER = new IntervalPlanner();

    static IntStream sizes() {
        return IntStream.rangeClosed(2, 40);
    }

    static IntStream sizesWithinNinetySeconds() {
        return IntStream.rangeClosed(2, 21);
    }

    static IntStream sizesBeyondTheRoomOfNinetySeconds() {
        return IntStream.rangeClosed(26, 40);
    }

    /** N services at 30 s; every fifth is a cache (10-60 s), the others may go up to {@code top}. */
    private static List<Check> stack(int n, long top) {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            checks.add(i % 5 == 4 ? new Check("cache" + i, 30, 10, 60) : new Check("svc" + i, 30, 15, top));
        }
        return checks;
    }

    private static long plannedBusySeconds(List<Check> checks) {
        Plan plan = PLANNER.plan(checks);
        return FiringOverlap.busySeconds(plan.applyTo(checks).stream().map(Check::intervalSeconds).toList());
    }

    @ParameterizedTest(name = "N = {0}")
    @MethodSource("sizes")
    void beatsNaiveSpacingFivefoldWithTheNaiveSpacingsRange(int n) {
        long naive = FiringOverlap.naiveBusySeconds(n);
        long planned = plannedBusySeconds(stack(n, Math.max(90, 45 + 5L * (n - 1))));
        assertTrue(planned * 5 <= naive, "N = " + n + ": planned " + planned + " busy seconds, naive " + naive);
        assertTrue(PLANNER.plan(stack(n, Math.max(90, 45 + 5L * (n - 1)))).resolved());
    }

    @ParameterizedTest(name = "N = {0}")
    @MethodSource("sizesWithinNinetySeconds")
    void beatsNaiveSpacingFivefoldWithinNinetySeconds(int n) {
        long naive = FiringOverlap.naiveBusySeconds(n);
        long planned = plannedBusySeconds(stack(n, 90));
        assertTrue(planned * 5 <= naive, "N = " + n + ": planned " + planned + " busy seconds, naive " + naive);
    }

    @ParameterizedTest(name = "N = {0}")
    @MethodSource("sizesBeyondTheRoomOfNinetySeconds")
    void saysSoWhenNinetySecondsCannotHoldTheStack(int n) {
        Plan plan = PLANNER.plan(stack(n, 90));
        assertFalse(plan.resolved());
        assertTrue(plan.collidingPairsAfter() < plan.collidingPairsBefore());
        assertTrue(plan.explanation().startsWith(n + " checks with health checks but only "), plan.explanation());
    }
}
