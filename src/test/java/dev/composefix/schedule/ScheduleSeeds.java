package dev.composefix.schedule;

import java.util.Random;
import java.util.stream.LongStream;

/**
 * Seeds for the schedule property tests: 1..count (count overridden by {@code -Dschedule.seeds=N} for a
 * longer run), or only the seed given with {@code -Dschedule.seed=N} to replay a failure. Failures name
 * their seed.
 */
final class ScheduleSeeds {

    private ScheduleSeeds() {
    }

    static LongStream of(int count) {
        String replay = System.getProperty("schedule.seed", "").strip();
        if (!replay.isEmpty()) {
            return LongStream.of(Long.parseLong(replay));
        }
        String many = System.getProperty("schedule.seeds", "").strip();
        return LongStream.rangeClosed(1, many.isEmpty() ? count : Long.parseLong(many));
    }

    @FunctionalInterface
    interface SeededCheck {
        void run(Random random) throws Exception;
    }

    /** Runs a check on a Random from the seed; a failure says how to replay it. */
    static void check(long seed, SeededCheck check) {
        try {
            check.run(new Random(seed));
        } catch (Throwable t) {
            throw new AssertionError("seed " + seed + " failed (replay: mvn -B test -Dtest='dev.composefix.schedule.**'"
                    + " -Dschedule.seed=" + seed + "): " + t.getMessage(), t);
        }
    }
}
