package dev.composefix.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of planning: the checks whose interval changes (in input order), the colliding pairs
 * before and after, the checks that still collide, and, when some do, why ({@code explanation} is
 * empty when every collision is resolved).
 */
public record Plan(List<Change> changes, long collidingPairsBefore, long collidingPairsAfter,
        List<String> stillColliding, String explanation) {

    public Plan {
        changes = List.copyOf(changes);
        stillColliding = List.copyOf(stillColliding);
    }

    /** True when nothing changes. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** True when no pair collides after the plan. */
    public boolean resolved() {
        return collidingPairsAfter == 0;
    }

    /** The new interval of each changed check, by id, in input order. */
    public Map<String, Long> newIntervals() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Change c : changes) {
            map.put(c.id(), c.toSeconds());
        }
        return map;
    }

    /** The checks with the plan applied, in the same order. */
    public List<Check> applyTo(List<Check> checks) {
        Map<String, Long> next = newIntervals();
        List<Check> out = new ArrayList<>(checks.size());
        for (Check c : checks) {
            Long to = next.get(c.id());
            out.add(to == null ? c : c.withInterval(to));
        }
        return out;
    }
}
