package dev.composefix.schedule;

import java.util.Arrays;

/**
 * One round of planning from an assignment. Only checks that collide may move, and only to values in
 * their band that collide with none of the checks that stay, so a check at peace stays at peace. The
 * round returns the cheapest of: best-response moves from the assignment itself, the same from a
 * greedy placement, and (when collisions remain among few checks) the same from an exhaustive search
 * for a collision-free placement. A result differs from the start only when it is strictly cheaper.
 */
final class Round {

    final Problem problem;
    final int[] start;
    /** The checks that may move, most constrained first, then by band, current value and id. */
    final int[] order;
    /** Candidate positions that collide with no check that stays. */
    final boolean[] allowed;
    /** The load of the checks that stay. */
    final Load staying;

    Round(Problem problem, int[] start) {
        this.problem = problem;
        this.start = start;
        boolean[] movable = problem.colliding(start);
        boolean[] stays = new boolean[problem.size];
        int count = 0;
        for (int i = 0; i < problem.size; i++) {
            stays[i] = !movable[i];
            count += movable[i] ? 1 : 0;
        }
        Integer[] boxed = new Integer[count];
        for (int i = 0, k = 0; i < problem.size; i++) {
            if (movable[i]) {
                boxed[k++] = i;
            }
        }
        Arrays.sort(boxed, new Narrowest(problem, start));
        order = new int[boxed.length];
        for (int k = 0; k < boxed.length; k++) {
            order[k] = boxed[k];
        }
        staying = Load.of(problem.interactions, start, stays);
        allowed = new boolean[problem.interactions.candidates().size()];
        for (int d = 0; d < allowed.length; d++) {
            allowed[d] = staying.pairs(d) == 0;
        }
    }

    int[] next() {
        if (order.length == 0) {
            return start;
        }
        int[] best = new BestResponse(this).run(start.clone());
        Cost bestCost = problem.cost(best);
        int[] greedy = new BestResponse(this).run(new Greedy(this).run());
        Cost greedyCost = problem.cost(greedy);
        if (greedyCost.below(bestCost)) {
            best = greedy;
            bestCost = greedyCost;
        }
        if (bestCost.pairs() > 0 && order.length <= CollisionFreeSearch.MAX_CHECKS) {
            int[] found = new CollisionFreeSearch(this).run();
            if (found != null) {
                found = new BestResponse(this).run(found);
                if (problem.cost(found).below(bestCost)) {
                    best = found;
                }
            }
        }
        return best;
    }

    /** Distance in seconds from check i's value at the start of the round. */
    long distance(int i, int position) {
        return Math.abs(problem.value(position) - problem.value(start[i]));
    }

    /**
     * Whether (pairs, meetings, distance) is strictly smaller than the best so far; positions are
     * scanned in ascending value, so on a full tie the smaller value, found first, is kept.
     */
    static boolean smaller(long pairs, long meetings, long distance, long bestPairs, long bestMeetings,
            long bestDistance) {
        if (pairs != bestPairs) {
            return pairs < bestPairs;
        }
        if (meetings != bestMeetings) {
            return meetings < bestMeetings;
        }
        return distance < bestDistance;
    }

    /**
     * Checks by the width of their band, then its lower end, then where they start, then their ids (a class
     * rather than a lambda, which a start would have to link).
     */
    private static final class Narrowest implements java.util.Comparator<Integer> {
        private final Problem problem;
        private final int[] start;

        Narrowest(Problem problem, int[] start) {
            this.problem = problem;
            this.start = start;
        }

        @Override
        public int compare(Integer x, Integer y) {
            int c = Integer.compare(problem.to[x] - problem.from[x], problem.to[y] - problem.from[y]);
            if (c == 0) {
                c = Long.compare(problem.min[x], problem.min[y]);
            }
            if (c == 0) {
                c = Integer.compare(start[x], start[y]);
            }
            return c != 0 ? c : Integer.compare(problem.idRank[x], problem.idRank[y]);
        }
    }
}
