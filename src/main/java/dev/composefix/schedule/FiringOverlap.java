package dev.composefix.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts the seconds in which two or more health checks fire together, all started at t = 0. */
public final class FiringOverlap {

    /** One hour: the horizon of the figure composefix reports and promises to keep low. */
    public static final long DEFAULT_HORIZON_SECONDS = 3600;

    private static final long NAIVE_FIRST = 45;
    private static final long NAIVE_STEP = 5;

    private FiringOverlap() {
    }

    /** {@link #busySeconds(List, long)} over one hour. */
    public static long busySeconds(List<Long> intervalsSeconds) {
        return busySeconds(intervalsSeconds, DEFAULT_HORIZON_SECONDS);
    }

    /**
     * The number of seconds t in [1, horizon] at which two or more checks fire, each check firing at
     * interval, 2 × interval, ... Intervals of zero or less are ignored. Linear in the number of firings
     * of the distinct intervals.
     */
    public static long busySeconds(List<Long> intervalsSeconds, long horizonSeconds) {
        if (horizonSeconds <= 0) {
            return 0;
        }
        if (horizonSeconds > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("horizon too long: " + horizonSeconds + " s");
        }
        Map<Long, Integer> counts = new TreeMap<>();
        for (Long interval : intervalsSeconds) {
            if (interval > 0 && interval <= horizonSeconds) {
                counts.merge(interval, 1, Integer::sum);
            }
        }
        byte[] fired = new byte[(int) horizonSeconds + 1]; // 0, 1, or 2 meaning "two or more"
        long busy = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            long interval = e.getKey();
            byte add = (byte) Math.min(2, e.getValue());
            for (long t = interval; t <= horizonSeconds; t += interval) {
                int i = (int) t;
                if (fired[i] < 2 && fired[i] + add >= 2) {
                    busy++;
                }
                fired[i] = (byte) Math.min(2, fired[i] + add);
            }
        }
        return busy;
    }

    /** The naive spacing for {@code services} checks: 45 s, 50 s, 55 s, ... (5 s apart). */
    public static List<Long> naiveSpacing(int services) {
        List<Long> intervals = new ArrayList<>(Math.max(0, services));
        for (int i = 0; i < services; i++) {
            intervals.add(NAIVE_FIRST + NAIVE_STEP * i);
        }
        return intervals;
    }

    /** The busy seconds in one hour of the naive spacing: the baseline a plan must beat. */
    public static long naiveBusySeconds(int services) {
        return busySeconds(naiveSpacing(services));
    }
}
