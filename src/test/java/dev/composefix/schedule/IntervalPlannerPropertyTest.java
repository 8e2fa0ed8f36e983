package dev.composefix.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner's promises over seeded random stacks. A failure names its seed; replay it with
 * {@code mvn -B test -Dtest='dev.composefix.schedule.**' -Dschedule.seed=N}.
 */
class IntervalPlannerPropertyTest {

    private static final long[][] KINDS = {{15, 90}, {10, 60}, {5, 30}, {30, 300}, {10, 12}, {20, 25}, {1, 3600},
        {400, 2000}, {700, 9000}};
    private static final long[] COMMON = {5, 10, 15, 20, 30, 30, 30, 45, 60, 90, 120, 300};
    private static final long[] WINDOWS = {30, 60, 120, 300, 600, 600, 900};

    static LongStream seeds() {
        return ScheduleSeeds.of(300);
    }

    private static List<Check> randomStack(Random random, int maxChecks) {
        int count = 1 + random.nextInt(maxChecks);
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
                case 0 -> random.nextInt(3) - 1; // zero or negative: ignored
                case 1 -> 3000 + random.nextInt(2000); // beyond window and often horizon
                case 2, 3 -> 1 + random.nextInt(200);
                default -> COMMON[random.nextInt(COMMON.length)];
            };
            checks.add(new Check("svc-" + Integer.toString(random.nextInt(1 << 20), 36) + "-" + i, interval,
                    band[0], band[1]));
        }
        return checks;
    }

    private static IntervalPlanner randomPlanner(Random random) {
        long window = WINDOWS[random.nextInt(WINDOWS.length)];
        long horizon = switch (random.nextInt(3)) {
            case 0 -> window;
            case 1 -> 3600;
            default -> 1 + random.nextInt(7200);
        };
        return new IntervalPlanner(window, horizon);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void plansAreCorrectMinimalDeterministicAndFixedPoints(long seed) {
        ScheduleSeeds.check(seed, random -> {
            IntervalPlanner planner = randomPlanner(random);
            long window = planner.windowSeconds();
            List<Check> checks = randomStack(random, random.nextInt(5) == 0 ? 150 : 30);
            Plan plan = planner.plan(checks);
            List<Check> after = plan.applyTo(checks);

            Set<String> collidedBefore = new HashSet<>(BruteForce.colliding(checks, window));
            Set<String> seen = new HashSet<>();
            for (Change c : plan.changes()) {
                Check before = checks.stream().filter(x -> x.id().equals(c.id())).findFirst().orElseThrow();
                assertTrue(seen.add(c.id()), "changed twice: " + c.id());
                assertTrue(collidedBefore.contains(c.id()), "changed but collided with nobody: " + c);
                assertEquals(before.intervalSeconds(), c.fromSeconds());
                assertTrue(c.toSeconds() != c.fromSeconds(), "a change that changes nothing: " + c);
                assertTrue(before.inBand(c.toSeconds()), "outside its band: " + c + " " + before);
            }
            long pairsBefore = BruteForce.collidingPairs(checks, window);
            long pairsAfter = BruteForce.collidingPairs(after, window);
            assertEquals(pairsBefore, plan.collidingPairsBefore());
            assertEquals(pairsAfter, plan.collidingPairsAfter());
            assertTrue(pairsAfter <= pairsBefore, "more collisions after: " + pairsAfter + " > " + pairsBefore);
            assertEquals(BruteForce.colliding(after, window), plan.stillColliding());
            assertEquals(plan.resolved(), plan.explanation().isEmpty(), plan.explanation());
            for (String id : BruteForce.colliding(after, window)) {
                assertTrue(collidedBefore.contains(id), "a check at peace was made to collide: " + id);
            }

            Plan again = planner.plan(after);
            assertTrue(again.isEmpty(), "planning the result changed " + again.changes());
            assertEquals(pairsAfter, again.collidingPairsAfter());

            assertEquals(plan, planner.plan(checks), "the same input gave another plan");
            List<Check> shuffled = new ArrayList<>(checks);
            Collections.shuffle(shuffled, random);
            assertEquals(new TreeMap<>(plan.newIntervals()), new TreeMap<>(planner.plan(shuffled).newIntervals()),
                    "the order of the input changed the plan");
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void resolvesEverySmallStackThatCanBeResolved(long seed) {
        ScheduleSeeds.check(seed, random -> {
            long window = 20 + random.nextInt(200);
            IntervalPlanner planner = new IntervalPlanner(window, random.nextBoolean() ? window : 3600);
            int count = 2 + random.nextInt(4);
            List<Check> checks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long min = 2 + random.nextInt(30);
                long max = min + random.nextInt(6);
                long interval = random.nextInt(3) == 0 ? 1 + random.nextInt(40) : min + random.nextInt(6);
                checks.add(new Check("c" + i, interval, min, max));
            }
            Plan plan = planner.plan(checks);
            if (BruteForce.resolvable(checks, window)) {
                assertTrue(plan.resolved(), "resolvable, but " + plan.explanation() + " for " + checks
                        + " in window " + window);
            }
            Map<String, Long> changed = plan.newIntervals();
            assertTrue(planner.plan(plan.applyTo(checks)).isEmpty(), "not a fixed point: " + changed);
        });
    }
}
