package dev.composefix.schedule;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Straightforward reference computations the tests compare the planner and statistics with. */
final class BruteForce {

    private BruteForce() {
    }

    static boolean collide(long a, long b, long window) {
        if (a <= 0 || b <= 0) {
            return false;
        }
        BigInteger x = BigInteger.valueOf(a);
        BigInteger y = BigInteger.valueOf(b);
        BigInteger lcm = x.multiply(y).divide(x.gcd(y));
        return lcm.compareTo(BigInteger.valueOf(window)) <= 0;
    }

    static long collidingPairs(List<Check> checks, long window) {
        long pairs = 0;
        for (int i = 0; i < checks.size(); i++) {
            for (int j = i + 1; j < checks.size(); j++) {
                pairs += collide(checks.get(i).intervalSeconds(), checks.get(j).intervalSeconds(), window) ? 1 : 0;
            }
        }
        return pairs;
    }

    /** Ids of the checks that collide with at least one other, in input order. */
    static List<String> colliding(List<Check> checks, long window) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            for (int j = 0; j < checks.size(); j++) {
                if (i != j && collide(checks.get(i).intervalSeconds(), checks.get(j).intervalSeconds(), window)) {
                    ids.add(checks.get(i).id());
                    break;
                }
            }
        }
        return ids;
    }

    static long busySeconds(List<Long> intervals, long horizon) {
        long busy = 0;
        for (long t = 1; t <= horizon; t++) {
            int firing = 0;
            for (long v : intervals) {
                if (v > 0 && t % v == 0) {
                    firing++;
                }
            }
            busy += firing >= 2 ? 1 : 0;
        }
        return busy;
    }

    /**
     * Whether the checks colliding today can be re-timed, each to a value in its band or its current
     * value, so that nothing collides, the others keeping their intervals.
     */
    static boolean resolvable(List<Check> checks, long window) {
        List<String> movable = colliding(checks, window);
        List<Check> current = new ArrayList<>(checks);
        return search(current, movable, 0, window);
    }

    private static boolean search(List<Check> current, List<String> movable, int k, long window) {
        if (k == movable.size()) {
            return collidingPairs(current, window) == 0;
        }
        int index = indexOf(current, movable.get(k));
        Check original = current.get(index);
        List<Long> options = new ArrayList<>();
        options.add(original.intervalSeconds());
        for (long v = original.minSeconds(); v <= original.maxSeconds(); v++) {
            if (v != original.intervalSeconds()) {
                options.add(v);
            }
        }
        for (long v : options) {
            current.set(index, original.withInterval(v));
            if (search(current, movable, k + 1, window)) {
                current.set(index, original);
                return true;
            }
        }
        current.set(index, original);
        return false;
    }

    private static int indexOf(List<Check> checks, String id) {
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
