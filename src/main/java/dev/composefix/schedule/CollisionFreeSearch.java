package dev.composefix.schedule;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Depth-first search for a placement of the checks that may move in which no pair collides, each at an
 * allowed value of its band or where it already is. The check with the fewest free values goes next;
 * its values are tried least constraining first (taking the fewest free values from the checks still
 * to place), then closest to its interval. The search counts its work and gives up past a fixed
 * budget, so it is deterministic and bounded; it runs only when the cheaper searches left collisions
 * among a few checks. Work is counted over the checks' own candidates only, never over all candidate
 * values of the problem, so where the search gives up does not depend on checks that cannot move.
 */
final class CollisionFreeSearch {

    static final int MAX_CHECKS = 64;
    private static final long BUDGET = 1_000_000;

    private final Problem problem;
    private final int[] checks;
    private final int[] start;
    /** Per check (index into checks): its candidate positions, closest to its interval first. */
    private final int[][] values;
    /** Every position some check may take, ascending. */
    private final int[] union;
    /** Per position (of union): how many placed checks it collides with. */
    private final int[] blocked;
    /** Scratch, per position (of union): how many checks still to place could take it. */
    private final int[] demand;
    private final int[] assignment;
    private final boolean[] placed;
    private long work;

    CollisionFreeSearch(Round round) {
        this.problem = round.problem;
        this.checks = round.order;
        this.start = round.start;
        this.values = new int[checks.length][];
        for (int k = 0; k < checks.length; k++) {
            int i = checks[k];
            IntStream band = IntStream.range(problem.from[i], problem.to[i]).filter(d -> round.allowed[d]);
            IntStream all = problem.inBand(i, start[i]) ? band : IntStream.concat(IntStream.of(start[i]), band);
            values[k] = all.boxed()
                    .sorted(Comparator.<Integer>comparingLong(d -> round.distance(i, d)).thenComparingInt(d -> d))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        this.union = Arrays.stream(values).flatMapToInt(Arrays::stream).distinct().sorted().toArray();
        this.blocked = new int[problem.interactions.candidates().size()];
        this.demand = new int[blocked.length];
        this.assignment = start.clone();
        this.placed = new boolean[checks.length];
    }

    /** A collision-free assignment, or null when none was found within the budget. */
    int[] run() {
        return place(0) ? assignment : null;
    }

    private boolean place(int depth) {
        if (depth == checks.length) {
            return true;
        }
        int next = -1;
        int fewest = Integer.MAX_VALUE;
        for (int k = 0; k < checks.length; k++) {
            if (placed[k]) {
                continue;
            }
            int free = 0;
            for (int d : values[k]) {
                free += blocked[d] == 0 ? 1 : 0;
            }
            work += values[k].length;
            if (free < fewest) {
                fewest = free;
                next = k;
            }
        }
        if (fewest == 0 || work > BUDGET) {
            return false;
        }
        placed[next] = true;
        for (int d : leastConstrainingFirst(next)) {
            block(d, 1);
            assignment[checks[next]] = d;
            if (place(depth + 1)) {
                return true;
            }
            block(d, -1);
            if (work > BUDGET) {
                break;
            }
        }
        placed[next] = false;
        assignment[checks[next]] = start[checks[next]];
        return false;
    }

    /** The free values of check k, least constraining first, then in their order of closeness. */
    private int[] leastConstrainingFirst(int k) {
        for (int e : union) {
            demand[e] = 0;
        }
        for (int other = 0; other < checks.length; other++) {
            if (!placed[other]) {
                for (int d : values[other]) {
                    demand[d] += blocked[d] == 0 ? 1 : 0;
                }
            }
        }
        int[] free = Arrays.stream(values[k]).filter(d -> blocked[d] == 0).toArray();
        long[] taken = new long[free.length];
        Integer[] order = new Integer[free.length];
        for (int j = 0; j < free.length; j++) {
            int[] row = problem.interactions.row(free[j]);
            for (int e : union) {
                taken[j] += (long) demand[e] * Interactions.collides(row[e]);
            }
            work += union.length;
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingLong(j -> taken[j])); // stable: ties keep closeness order
        return Arrays.stream(order).mapToInt(j -> free[j]).toArray();
    }

    private void block(int position, int delta) {
        int[] row = problem.interactions.row(position);
        for (int e : union) {
            blocked[e] += delta * Interactions.collides(row[e]);
        }
        work += union.length;
    }
}
