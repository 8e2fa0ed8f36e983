package dev.composefix.schedule;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The interval values the planner reasons about, ascending, addressed by position: every band value up
 * to the limit (beyond which intervals meet nothing), each band's smallest value above the limit, and
 * every current value up to the limit. A band is a contiguous range of positions.
 */
final class Candidates {

    private final long[] values;

    private Candidates(long[] values) {
        this.values = values;
    }

    /** Bands are {min, max} pairs; {@code limit} is at most {@link Integer#MAX_VALUE} - 1. */
    static Candidates of(long limit, Collection<long[]> bands, long[] currents) {
        boolean[] marked = new boolean[(int) limit + 1];
        TreeSet<Long> above = new TreeSet<>();
        for (long[] band : bands) {
            for (long v = band[0]; v <= Math.min(band[1], limit); v++) {
                marked[(int) v] = true;
            }
            if (band[1] > limit) {
                above.add(Math.max(band[0], limit + 1));
            }
        }
        for (long v : currents) {
            if (v >= 1 && v <= limit) {
                marked[(int) v] = true;
            }
        }
        int count = above.size();
        for (boolean m : marked) {
            count += m ? 1 : 0;
        }
        long[] values = new long[count];
        int k = 0;
        for (int v = 1; v < marked.length; v++) {
            if (marked[v]) {
                values[k++] = v;
            }
        }
        for (long v : above) {
            values[k++] = v;
        }
        return new Candidates(values);
    }

    int size() {
        return values.length;
    }

    long value(int position) {
        return values[position];
    }

    /** The position of a value that is present. */
    int position(long value) {
        int p = Arrays.binarySearch(values, value);
        if (p < 0) {
            throw new IllegalArgumentException("not a candidate: " + value);
        }
        return p;
    }

    /** The first position whose value is at least {@code min}. */
    int from(long min) {
        int p = Arrays.binarySearch(values, min);
        return p >= 0 ? p : -p - 1;
    }

    /** The first position whose value exceeds {@code max}. */
    int to(long max) {
        int p = Arrays.binarySearch(values, max);
        return p >= 0 ? p + 1 : -p - 1;
    }
}
