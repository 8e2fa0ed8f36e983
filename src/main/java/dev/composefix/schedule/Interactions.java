package dev.composefix.schedule;

/**
 * How two candidate intervals interact: whether they collide (lcm within the window) and how often they
 * meet within the horizon (horizon / lcm). Rows are computed on demand and cached up to a memory budget.
 */
final class Interactions {

    private static final long CACHE_BUDGET = 4_000_000; // ints, 16 MB

    private final Candidates candidates;
    private final long window;
    private final long horizon;
    private final int[][] rows;
    private long cached;

    Interactions(Candidates candidates, long window, long horizon) {
        this.candidates = candidates;
        this.window = window;
        this.horizon = horizon;
        this.rows = new int[candidates.size()][];
    }

    Candidates candidates() {
        return candidates;
    }

    long window() {
        return window;
    }

    /** Entry d describes the interaction of candidate d with candidate w; read it with the statics below. */
    int[] row(int w) {
        int[] row = rows[w];
        if (row != null) {
            return row;
        }
        int size = candidates.size();
        row = new int[size];
        long b = candidates.value(w);
        for (int d = 0; d < size; d++) {
            row[d] = entry(candidates.value(d), b);
        }
        if (cached + size <= CACHE_BUDGET) {
            rows[w] = row;
            cached += size;
        }
        return row;
    }

    private int entry(long a, long b) {
        long lcm = Lcm.of(a, b);
        long meetings = lcm <= horizon ? horizon / lcm : 0;
        return (int) (meetings << 1) | (lcm <= window ? 1 : 0);
    }

    static int collides(int entry) {
        return entry & 1;
    }

    static int meetings(int entry) {
        return entry >>> 1;
    }
}
