package dev.composefix.schedule;

import java.util.Arrays;

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
        boolean[] any = new boolean[problem.interactions.candidates().size()];
        int distinct = 0;
        for (int k = 0; k < checks.length; k++) {
            values[k] = closestFirst(round, checks[k]);
            for (int d : values[k]) {
                distinct += any[d] ? 0 : 1;
                any[d] = true;
            }
        }
        this.union = new int[distinct];
        for (int d = 0, u = 0; d < any.length; d++) {
            if (any[d]) {
                union[u++] = d;
            }
        }
        this.blocked = new int[problem.interactions.candidates().size()];
        this.demand = new int[blocked.length];
        this.assignment = start.clone();
        this.placed = new boolean[checks.length];
    }

    /**
     * Check i's candidate positions: where it is (when outside its band) and the allowed values of its band,
     * closest to its interval at the start of the round first, then the smaller position. Sorted as longs of
     * (distance, position), whose order is that of comparing distance, then position, while distances fit
     * in 31 bits (positions do); a band with values further apart than that (no kind has one) is sorted
     * with a comparator.
     */
    static int[] closestFirst(Round round, int i) {
        Problem problem = round.problem;
        int s = round.start[i];
        boolean outside = !problem.inBand(i, s);
        int n = outside ? 1 : 0;
        for (int d = problem.from[i]; d < problem.to[i]; d++) {
            n += round.allowed[d] ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        if (outside) {
            out[k++] = s;
        }
        for (int d = problem.from[i]; d < problem.to[i]; d++) {
            if (round.allowed[d]) {
                out[k++] = d;
            }
        }
        long[] keys = new long[n];
        for (int j = 0; j < n; j++) {
            long distance = round.distance(i, out[j]);
            if (distance > Integer.MAX_VALUE) {
                Integer[] boxed = new Integer[n];
                for (int b = 0; b < n; b++) {
                    boxed[b] = out[b];
                }
                Arrays.sort(boxed, java.util.Comparator.<Integer>comparingLong(d -> round.distance(i, d))
                        .thenComparingInt(d -> d));
                for (int b = 0; b < n; b++) {
                    out[b] = boxed[b];
                }
                return out;
            }
            keys[j] = distance << 32 | out[j];
        }
        Arrays.sort(keys);
        for (int j = 0; j < n; j++) {
            out[j] = (int) keys[j];
        }
        return out;
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
        int count = 0;
        for (int d : values[k]) {
            count += blocked[d] == 0 ? 1 : 0;
        }
        int[] free = new int[count];
        int f = 0;
        for (int d : values[k]) {
            if (blocked[d] == 0) {
                free[f++] = d;
            }
        }
        long[] taken = new long[free.length];
        for (int j = 0; j < free.length; j++) {
            int[] row = problem.interactions.row(free[j]);
            for (int e : union) {
                taken[j] += (long) demand[e] * Interactions.collides(row[e]);
            }
            work += union.length;
        }
        return byTaken(free, taken);
    }

    /**
     * {@code free} stably sorted by {@code taken} (ties keep their order: closeness), sorted as longs of
     * (taken, index): taken counts checks (at most {@link #MAX_CHECKS}) per position of the union, so it
     * stays below 2^31.
     */
    static int[] byTaken(int[] free, long[] taken) {
        long[] keys = new long[free.length];
        for (int j = 0; j < free.length; j++) {
            keys[j] = taken[j] << 32 | j;
        }
        Arrays.sort(keys);
        int[] out = new int[free.length];
        for (int j = 0; j < free.length; j++) {
            out[j] = free[(int) keys[j]];
        }
        return out;
    }

    private void block(int position, int delta) {
        int[] row = problem.interactions.row(position);
        for (int e : union) {
            blocked[e] += delta * Interactions.collides(row[e]);
        }
        work += union.length;
    }
}
