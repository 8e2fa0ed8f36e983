package dev.composefix.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The orders the exhaustive search tries values in, as sorts of longs, against the sorts with comparators
 * over boxed values they replaced (the straightforward reference), on seeded random problems. A failure
 * names its seed; replay it with {@code -Dschedule.seed=N}.
 */
class CollisionFreeSearchOrderTest {

    static LongStream seeds() {
        return ScheduleSeeds.of(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void candidatesComeClosestFirstThenSmallest(long seed) {
        ScheduleSeeds.check(seed, random -> {
            long window = 10 + random.nextInt(900);
            long horizon = random.nextBoolean() ? window : 1 + random.nextInt(7200);
            List<Check> checks = new ArrayList<>();
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                // now and then a band far beyond the limit: its distances exceed 31 bits
                long min = random.nextInt(50) == 0 ? 3_000_000_000L : 1 + random.nextInt(random.nextBoolean() ? 60 : 5000);
                long max = min + random.nextInt(random.nextBoolean() ? 30 : 4000);
                // engaged checks only, as the planner gives the problem: intervals up to the larger of window and horizon
                long interval = 1 + random.nextInt((int) Math.min(Math.max(window, horizon), random.nextBoolean() ? 120 : 6000));
                checks.add(new Check("c" + i, interval, min, max));
            }
            Problem problem = new Problem(checks, window, horizon);
            Round round = new Round(problem, problem.start);
            for (int i = 0; i < problem.size; i++) {
                assertArrayEquals(reference(round, i), CollisionFreeSearch.closestFirst(round, i), "check " + i);
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void freeValuesSortStablyByWhatTheyTake(long seed) {
        ScheduleSeeds.check(seed, random -> {
            int n = random.nextInt(200);
            int[] free = new int[n];
            long[] taken = new long[n];
            for (int j = 0; j < n; j++) {
                free[j] = random.nextInt(90_000);
                taken[j] = random.nextInt(4) == 0 ? random.nextInt(64 * 90_000) : random.nextInt(5);
            }
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, Comparator.comparingLong(j -> taken[j]));
            int[] expected = Arrays.stream(order).mapToInt(j -> free[j]).toArray();
            assertArrayEquals(expected, CollisionFreeSearch.byTaken(free, taken));
        });
    }

    /** The candidate order as the search first wrote it: streams, boxed, sorted with a comparator. */
    private static int[] reference(Round round, int i) {
        Problem problem = round.problem;
        IntStream band = IntStream.range(problem.from[i], problem.to[i]).filter(d -> round.allowed[d]);
        IntStream all = problem.inBand(i, round.start[i]) ? band : IntStream.concat(IntStream.of(round.start[i]), band);
        return all.boxed()
                .sorted(Comparator.<Integer>comparingLong(d -> round.distance(i, d)).thenComparingInt(d -> d))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
