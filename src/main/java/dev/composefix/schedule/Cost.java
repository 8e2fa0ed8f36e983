package dev.composefix.schedule;

/** What the planner minimises, in this order: colliding pairs, then meetings within the horizon. */
record Cost(long pairs, long meetings) implements Comparable<Cost> {

    @Override
    public int compareTo(Cost other) {
        int c = Long.compare(pairs, other.pairs);
        return c != 0 ? c : Long.compare(meetings, other.meetings);
    }

    boolean below(Cost other) {
        return compareTo(other) < 0;
    }
}
