package dev.composefix.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalPlannerTest {

    private final IntervalPlanner planner = new IntervalPlanner();

    private static Check check(String id, long interval, long min, long max) {
        return new Check(id, interval, min, max);
    }

    /** Plans, checks what every plan must satisfy, and returns the plan. */
    private Plan planAndVerify(IntervalPlanner p, List<Check> checks) {
        Plan plan = p.plan(checks);
        List<Check> after = plan.applyTo(checks);
        for (Change c : plan.changes()) {
            Check before = checks.stream().filter(x -> x.id().equals(c.id())).findFirst().orElseThrow();
            assertEquals(before.intervalSeconds(), c.fromSeconds());
            assertTrue(before.inBand(c.toSeconds()), c + " outside its band");
        }
        assertEquals(BruteForce.collidingPairs(checks, p.windowSeconds()), plan.collidingPairsBefore());
        assertEquals(BruteForce.collidingPairs(after, p.windowSeconds()), plan.collidingPairsAfter());
        assertEquals(BruteForce.colliding(after, p.windowSeconds()), plan.stillColliding());
        assertEquals(plan.resolved(), plan.explanation().isEmpty());
        assertTrue(p.plan(after).isEmpty(), "planning the result again must change nothing");
        return plan;
    }

    @Test
    void twoEqualIntervalsAreStaggered() {
        Plan plan = planAndVerify(planner, List.of(check("db", 30, 15, 90), check("api", 30, 15, 90)));
        assertEquals(1, plan.collidingPairsBefore());
        assertTrue(plan.resolved());
        assertEquals(List.of(), plan.stillColliding());
        assertFalse(plan.isEmpty());
    }

    @Test
    void tenAndTwentySecondsAreStaggered() {
        Plan plan = planAndVerify(planner, List.of(check("db", 10, 5, 60), check("cache", 20, 10, 60)));
        assertEquals(1, plan.collidingPairsBefore());
        assertTrue(plan.resolved());
    }

    @Test
    void fortyFiveAndSixtySecondsAreStaggered() {
        Plan plan = planAndVerify(planner, List.of(check("a", 45, 15, 90), check("b", 60, 15, 90)));
        assertEquals(1, plan.collidingPairsBefore()); // together every 3 minutes
        assertTrue(plan.resolved());
    }

    @Test
    void aCheckThatCollidesWithNobodyKeepsItsInterval() {
        List<Check> checks = List.of(check("a", 30, 15, 90), check("b", 30, 15, 90), check("c", 61, 15, 90),
                check("outside", 97, 15, 90)); // outside its band, but at peace: left alone
        Plan plan = planAndVerify(planner, checks);
        assertTrue(plan.resolved());
        assertFalse(plan.newIntervals().containsKey("c"));
        assertFalse(plan.newIntervals().containsKey("outside"));
    }

    @Test
    void checksBeyondTheWindowDoNotCollide() {
        Plan plan = planAndVerify(planner, List.of(check("a", 700, 15, 900), check("b", 700, 15, 900)));
        assertTrue(plan.isEmpty());
        assertEquals(0, plan.collidingPairsBefore());
    }

    @Test
    void narrowBandsAreRespected() {
        List<Check> checks = List.of(check("a", 30, 28, 32), check("b", 30, 28, 32), check("c", 30, 28, 32));
        Plan plan = planAndVerify(planner, checks);
        assertEquals(3, plan.collidingPairsBefore());
        assertTrue(plan.resolved()); // e.g. 29, 30 and 31
    }

    @Test
    void anOutOfBandCollidingCheckMovesIntoItsBand() {
        Plan plan = planAndVerify(planner, List.of(check("a", 5, 40, 60), check("b", 10, 40, 60)));
        assertTrue(plan.resolved());
        assertEquals(2, plan.changes().size());
    }

    @Test
    void twentyFiveChecksFillTheRoomBetweenFifteenAndNinetySeconds() {
        // at most 25 values in 15..90 have pairwise lcm above 600: the 25th check needs the search
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            checks.add(check("s" + i, 30, 15, 90));
        }
        assertTrue(planAndVerify(planner, checks).resolved());
        checks.add(check("s25", 30, 15, 90));
        Plan plan = planAndVerify(planner, checks);
        assertFalse(plan.resolved());
        assertTrue(plan.explanation().startsWith("26 checks with health checks but only 25 non-colliding intervals"),
                plan.explanation());
    }

    @Test
    void fiveChecksInTenToTwelveSecondsCannotAllBeResolved() {
        List<Check> checks = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            checks.add(check("s" + i, 11, 10, 12));
        }
        Plan plan = planAndVerify(planner, checks);
        assertFalse(plan.resolved());
        assertEquals(10, plan.collidingPairsBefore());
        assertEquals(10, plan.collidingPairsAfter()); // 10, 11 and 12 s all collide with each other
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), plan.stillColliding());
        assertTrue(plan.explanation().startsWith("5 checks with health checks but only 1 non-colliding interval"),
                plan.explanation());
        assertTrue(plan.explanation().contains("10s–12s"), plan.explanation());
    }

    @Test
    void withTheHorizonAtTheWindowOnlyOneCheckMovesByOneSecond() {
        IntervalPlanner minimal = new IntervalPlanner(600, 600);
        Plan plan = planAndVerify(minimal, List.of(check("a", 30, 15, 90), check("b", 30, 15, 90)));
        assertTrue(plan.resolved());
        assertEquals(1, plan.changes().size());
        assertEquals(1, Math.abs(plan.changes().get(0).toSeconds() - 30));
    }

    @Test
    void theSameInputInAnyOrderGivesTheSamePlan() {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            checks.add(check("svc" + i, i % 3 == 0 ? 10 : 30, i % 4 == 0 ? 10 : 15, i % 4 == 0 ? 60 : 90));
        }
        Plan plan = planAndVerify(planner, checks);
        List<Check> reversed = new ArrayList<>(checks);
        Collections.reverse(reversed);
        Plan again = planner.plan(reversed);
        assertEquals(plan.newIntervals().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList(),
                again.newIntervals().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList());
        assertEquals(plan, planner.plan(checks));
    }

    @Test
    void nonPositiveIntervalsAreIgnored() {
        Plan plan = planAndVerify(planner, List.of(check("a", 0, 15, 90), check("b", 0, 15, 90),
                check("c", -30, 15, 90)));
        assertTrue(plan.isEmpty());
        assertEquals(0, plan.collidingPairsBefore());
        assertTrue(planner.plan(List.of()).isEmpty());
    }

    @Test
    void invalidInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> planner.plan(List.of(check("a", 30, 15, 90), check("a", 30, 15, 90))));
        assertThrows(IllegalArgumentException.class, () -> check("a", 30, 0, 90));
        assertThrows(IllegalArgumentException.class, () -> check("a", 30, 90, 15));
        assertThrows(IllegalArgumentException.class, () -> new IntervalPlanner(0, 3600));
        assertThrows(IllegalArgumentException.class, () -> new IntervalPlanner(600, IntervalPlanner.MAX_SECONDS + 1));
        assertEquals(600, new IntervalPlanner().windowSeconds());
        assertEquals(3600, new IntervalPlanner().horizonSeconds());
    }
}
