package dev.composefix.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks that can interact (interval between 1 s and the larger of window and horizon), with
 * their bands as position ranges over the candidates. Assignments are arrays of candidate positions,
 * one per check, in input order.
 */
final class Problem {

    final int size;
    final String[] ids;
    final long[] min;
    /**
     * Check i's candidates are the positions from[i] (inclusive) to to[i] (exclusive): its band values
     * up to the limit, then its band's smallest value beyond the limit, if any. Other bands' values
     * beyond the limit are left out, so a check's candidates do not depend on the other checks.
     */
    final int[] from;
    final int[] to;
    final int[] start;
    /** Checks with the same band share a band number, 0 to {@code bands} - 1. */
    final int[] band;
    final int bands;
    /** Each check's place in the order of ids, for tie-breaks that must not depend on input order. */
    final int[] idRank;
    final Interactions interactions;

    Problem(List<Check> checks, long window, long horizon) {
        size = checks.size();
        long limit = Math.max(window, horizon);
        ids = new String[size];
        min = new long[size];
        long[] current = new long[size];
        // bands numbered in ascending (min, max) order, so that nothing depends on the input order
        Set<List<Long>> distinct = new TreeSet<>(BY_BAND);
        for (int i = 0; i < size; i++) {
            Check c = checks.get(i);
            ids[i] = c.id();
            min[i] = c.minSeconds();
            current[i] = c.intervalSeconds();
            distinct.add(List.of(c.minSeconds(), c.maxSeconds()));
        }
        List<long[]> ranges = new ArrayList<>();
        Map<List<Long>, Integer> numbers = new HashMap<>();
        for (List<Long> b : distinct) {
            numbers.put(b, ranges.size());
            ranges.add(new long[] {b.get(0), b.get(1)});
        }
        bands = ranges.size();
        Candidates candidates = Candidates.of(limit, ranges, current);
        interactions = new Interactions(candidates, window, horizon);
        from = new int[size];
        to = new int[size];
        start = new int[size];
        band = new int[size];
        for (int i = 0; i < size; i++) {
            Check c = checks.get(i);
            from[i] = candidates.from(c.minSeconds());
            to[i] = c.maxSeconds() > limit
                    ? candidates.position(Math.max(c.minSeconds(), limit + 1)) + 1
                    : candidates.to(c.maxSeconds());
            start[i] = candidates.position(c.intervalSeconds());
            band[i] = numbers.get(List.of(c.minSeconds(), c.maxSeconds()));
        }
        Integer[] byId = new Integer[size];
        for (int i = 0; i < size; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, new ById(ids));
        idRank = new int[size];
        for (int r = 0; r < size; r++) {
            idRank[byId[r]] = r;
        }
    }

    long value(int position) {
        return interactions.candidates().value(position);
    }

    boolean inBand(int check, int position) {
        return position >= from[check] && position < to[check];
    }

    /** Pairs check i takes part in, with every check of {@code load} but itself (which load must hold). */
    long ownPairs(Load load, int[] assignment, int i) {
        int p = assignment[i];
        return load.pairs(p) - Interactions.collides(interactions.row(p)[p]);
    }

    Load load(int[] assignment) {
        return Load.of(interactions, assignment, null);
    }

    /** Which checks collide with at least one other. */
    boolean[] colliding(int[] assignment) {
        Load load = load(assignment);
        boolean[] colliding = new boolean[size];
        for (int i = 0; i < size; i++) {
            colliding[i] = ownPairs(load, assignment, i) > 0;
        }
        return colliding;
    }

    /** Colliding pairs, then meetings within the horizon, over all pairs of checks. */
    Cost cost(int[] assignment) {
        Load load = load(assignment);
        long pairs = 0;
        long meetings = 0;
        for (int i = 0; i < size; i++) {
            int p = assignment[i];
            int self = interactions.row(p)[p];
            pairs += load.pairs(p) - Interactions.collides(self);
            meetings += load.meetings(p) - Interactions.meetings(self);
        }
        return new Cost(pairs / 2, meetings / 2);
    }

    /** Bands (min, max) by min, then max. Classes here rather than lambdas, which a start would have to link. */
    private static final Comparator<List<Long>> BY_BAND = new ByBand();

    private static final class ByBand implements Comparator<List<Long>> {
        @Override
        public int compare(List<Long> a, List<Long> b) {
            int c = Long.compare(a.get(0), b.get(0));
            return c != 0 ? c : Long.compare(a.get(1), b.get(1));
        }
    }

    /** Indexes by the ids at them. */
    private static final class ById implements Comparator<Integer> {
        private final String[] ids;

        ById(String[] ids) {
            this.ids = ids;
        }

        @Override
        public int compare(Integer x, Integer y) {
            return ids[x].compareTo(ids[y]);
        }
    }
}
