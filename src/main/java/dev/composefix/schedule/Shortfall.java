package dev.composefix.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Explains a plan that leaves collisions: how many checks there are, how many non-colliding intervals
 * the plan found room for (a greedy count over its own result, so a lower bound on the true room), in
 * which bands, and how many checks and pairs still collide.
 */
final class Shortfall {

    private static final int BANDS_NAMED = 3;

    private Shortfall() {
    }

    static String explain(Problem problem, List<Check> engaged, int[] assignment, int idle, long pairs) {
        boolean[] colliding = problem.colliding(assignment);
        int room = idle + room(problem, assignment);
        int stillColliding = 0;
        Set<String> bands = new LinkedHashSet<>();
        for (int i = 0; i < problem.size; i++) {
            if (colliding[i]) {
                stillColliding++;
                Check c = engaged.get(i);
                bands.add(c.minSeconds() + "s–" + c.maxSeconds() + "s");
            }
        }
        List<String> named = new ArrayList<>(bands).subList(0, Math.min(BANDS_NAMED, bands.size()));
        String bandText = String.join(", ", named) + (bands.size() > BANDS_NAMED ? ", ..." : "");
        return (problem.size + idle) + " checks with health checks but only " + room + " non-colliding "
                + (room == 1 ? "interval was" : "intervals were") + " found in their bands (" + bandText + "); "
                + stillColliding + " checks still collide, in " + pairs + (pairs == 1 ? " pair" : " pairs")
                + " (lcm of the intervals within " + problem.interactions.window() + "s)";
    }

    /**
     * Checks that can sit together without colliding: distinct values picked greedily, fewest
     * conflicts first; a value beyond the window collides with nothing and holds all its checks.
     */
    private static int room(Problem problem, int[] assignment) {
        Interactions ix = problem.interactions;
        int[] counts = new int[ix.candidates().size()];
        for (int p : assignment) {
            counts[p]++;
        }
        List<Integer> present = new ArrayList<>();
        int room = 0;
        for (int p = 0; p < counts.length; p++) {
            if (counts[p] == 0) {
                continue;
            }
            if (ix.candidates().value(p) > ix.window()) {
                room += counts[p];
            } else {
                present.add(p);
            }
        }
        int[] degree = new int[counts.length];
        for (int p : present) {
            int[] row = ix.row(p);
            for (int q : present) {
                degree[p] += q != p ? Interactions.collides(row[q]) : 0;
            }
        }
        present.sort(new ByDegree(degree));
        int[] picked = new int[present.size()];
        int count = 0;
        for (int p : present) {
            int[] row = ix.row(p);
            boolean free = true;
            for (int k = 0; k < count && free; k++) {
                free = Interactions.collides(row[picked[k]]) == 0;
            }
            if (free) {
                picked[count++] = p;
            }
        }
        return room + count;
    }

    /**
     * Checks by how many others they collide with, then by index (a class rather than lambdas, which a start
     * would have to link).
     */
    private static final class ByDegree implements Comparator<Integer> {
        private final int[] degree;

        ByDegree(int[] degree) {
            this.degree = degree;
        }

        @Override
        public int compare(Integer a, Integer b) {
            int c = Integer.compare(degree[a], degree[b]);
            return c != 0 ? c : Integer.compare(a, b);
        }
    }
}
