package dev.composefix.schedule;

import java.util.Objects;

/**
 * A health check the planner may re-time: a stable id, its current interval, and the band
 * [minSeconds, maxSeconds] a new interval must lie in, all in whole seconds.
 */
public record Check(String id, long intervalSeconds, long minSeconds, long maxSeconds) {

    public Check {
        Objects.requireNonNull(id, "id");
        if (minSeconds < 1 || maxSeconds < minSeconds) {
            throw new IllegalArgumentException("band of check " + id + " must satisfy 1 <= min <= max, got ["
                    + minSeconds + ", " + maxSeconds + "]");
        }
    }

    public boolean inBand(long seconds) {
        return seconds >= minSeconds && seconds <= maxSeconds;
    }

    public Check withInterval(long seconds) {
        return new Check(id, seconds, minSeconds, maxSeconds);
    }
}
