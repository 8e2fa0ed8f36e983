package dev.composefix.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Staggers health-check intervals so that no two checks fire together within the window (CF103): only
 * checks that collide today move, each within its band. It minimises colliding pairs first, then how
 * often checks meet within the horizon (the busy seconds of {@link FiringOverlap}), then the distance
 * from each check's current interval. Planning is deterministic, independent of input order, and a
 * fixed point: planning the result of a plan changes nothing, also when collisions remain.
 */
public final class IntervalPlanner {

    /** CF103's default window: 10 minutes. */
    public static final long DEFAULT_WINDOW_SECONDS = 600;
    /** One hour, the horizon of the busy-seconds figure. */
    public static final long DEFAULT_HORIZON_SECONDS = FiringOverlap.DEFAULT_HORIZON_SECONDS;
    /** The longest window or horizon accepted: one day. */
    public static final long MAX_SECONDS = 86_400;

    private final long window;
    private final long horizon;

    /** A planner with the default window (10 minutes) and horizon (1 hour). */
    public IntervalPlanner() {
        this(DEFAULT_WINDOW_SECONDS, DEFAULT_HORIZON_SECONDS);
    }

    /**
     * A planner for this window (two checks collide when the lcm of their intervals is at most this)
     * and horizon (over which meetings are minimised once nothing collides). A horizon equal to the
     * window ignores meetings beyond the window, so new intervals stay as close as possible to the old.
     */
    public IntervalPlanner(long windowSeconds, long horizonSeconds) {
        if (windowSeconds < 1 || windowSeconds > MAX_SECONDS || horizonSeconds < 1 || horizonSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("window and horizon must be between 1 and " + MAX_SECONDS
                    + " seconds, got " + windowSeconds + " and " + horizonSeconds);
        }
        this.window = windowSeconds;
        this.horizon = horizonSeconds;
    }

    public long windowSeconds() {
        return window;
    }

    public long horizonSeconds() {
        return horizon;
    }

    /** Plans new intervals; checks with an interval of zero or less are ignored. Ids must be unique. */
    public Plan plan(List<Check> checks) {
        Set<String> ids = new HashSet<>();
        for (Check c : checks) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("duplicate check id: " + c.id());
            }
        }
        long limit = Math.max(window, horizon);
        List<Check> engaged = new ArrayList<>();
        int idle = 0; // intervals beyond the limit meet nothing and collide with nothing
        for (Check c : checks) {
            if (c.intervalSeconds() >= 1 && c.intervalSeconds() <= limit) {
                engaged.add(c);
            } else if (c.intervalSeconds() > limit) {
                idle++;
            }
        }
        if (engaged.isEmpty()) {
            return new Plan(List.of(), 0, 0, List.of(), "");
        }
        Problem problem = new Problem(engaged, window, horizon);
        long before = problem.cost(problem.start).pairs();
        int[] assignment = problem.start;
        while (true) {
            int[] next = new Round(problem, assignment).next();
            if (Arrays.equals(next, assignment)) {
                break;
            }
            assignment = next;
        }
        long after = problem.cost(assignment).pairs();
        boolean[] colliding = problem.colliding(assignment);
        List<Change> changes = new ArrayList<>();
        List<String> still = new ArrayList<>();
        for (int i = 0; i < problem.size; i++) {
            if (assignment[i] != problem.start[i]) {
                changes.add(new Change(problem.ids[i], problem.value(problem.start[i]), problem.value(assignment[i])));
            }
            if (colliding[i]) {
                still.add(problem.ids[i]);
            }
        }
        String explanation = after == 0 ? "" : Shortfall.explain(problem, engaged, assignment, idle, after);
        return new Plan(changes, before, after, still, explanation);
    }
}
