package dev.composefix.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FiringOverlapTest {

    @Test
    void tenAndTwentySecondsMeetEveryTwentySeconds() {
        assertEquals(3, FiringOverlap.busySeconds(List.of(10L, 20L), 60));
        assertEquals(180, FiringOverlap.busySeconds(List.of(10L, 20L)));
    }

    @Test
    void equalIntervalsAreBusyAtEveryFiring() {
        assertEquals(120, FiringOverlap.busySeconds(List.of(30L, 30L)));
        assertEquals(120, FiringOverlap.busySeconds(List.of(30L, 30L, 30L, 30L)));
    }

    @Test
    void coprimeIntervalsMeetOnlyAtTheirProduct() {
        assertEquals(1, FiringOverlap.busySeconds(List.of(59L, 61L))); // together at 3599 s only
        assertEquals(0, FiringOverlap.busySeconds(List.of(61L, 67L)));
    }

    @Test
    void nonPositiveIntervalsAndEmptyHorizonsCountNothing() {
        assertEquals(0, FiringOverlap.busySeconds(List.of(0L, -5L, 30L)));
        assertEquals(0, FiringOverlap.busySeconds(List.of(0L, 0L)));
        assertEquals(0, FiringOverlap.busySeconds(List.of(), 3600));
        assertEquals(0, FiringOverlap.busySeconds(List.of(1L, 1L), 0));
        assertEquals(5, FiringOverlap.busySeconds(List.of(1L, 1L), 5));
    }

    @Test
    void intervalsLongerThanTheHorizonNeverFire() {
        assertEquals(0, FiringOverlap.busySeconds(List.of(100L, 100L), 99));
    }

    @Test
    void aHorizonBeyondAnArrayIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FiringOverlap.busySeconds(List.of(30L), Integer.MAX_VALUE));
    }

    @Test
    void naiveSpacingStartsAt45SecondsFiveApart() {
        assertEquals(List.of(), FiringOverlap.naiveSpacing(0));
        assertEquals(List.of(45L, 50L, 55L, 60L), FiringOverlap.naiveSpacing(4));
        assertEquals(8, FiringOverlap.naiveBusySeconds(2)); // 45 s and 50 s meet every 450 s
        assertEquals(FiringOverlap.busySeconds(FiringOverlap.naiveSpacing(40)), FiringOverlap.naiveBusySeconds(40));
    }

    static LongStream seeds() {
        return ScheduleSeeds.of(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithABruteForceCount(long seed) {
        ScheduleSeeds.check(seed, random -> {
            int count = random.nextInt(7);
            List<Long> intervals = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                intervals.add((long) random.nextInt(45) - 4); // some zero or negative
            }
            long horizon = random.nextInt(400) - 5;
            assertEquals(BruteForce.busySeconds(intervals, horizon), FiringOverlap.busySeconds(intervals, horizon),
                    "intervals " + intervals + ", horizon " + horizon);
        });
    }
}
