package dev.composefix.schedule;

/**
 * For every candidate interval, how many placed checks it would collide with and how often it would
 * meet them within the horizon: the cost of putting one more check there.
 */
final class Load {

    private final Interactions interactions;
    private final long[] pairs;
    private final long[] meetings;

    Load(Interactions interactions) {
        this.interactions = interactions;
        int size = interactions.candidates().size();
        this.pairs = new long[size];
        this.meetings = new long[size];
    }

    /** The load of the checks at these positions, those with {@code include[i]} (all when null). */
    static Load of(Interactions interactions, int[] positions, boolean[] include) {
        long[] counts = new long[interactions.candidates().size()];
        for (int i = 0; i < positions.length; i++) {
            if (include == null || include[i]) {
                counts[positions[i]]++;
            }
        }
        Load load = new Load(interactions);
        for (int w = 0; w < counts.length; w++) {
            if (counts[w] > 0) {
                load.add(w, counts[w]);
            }
        }
        return load;
    }

    Load copy() {
        Load copy = new Load(interactions);
        System.arraycopy(pairs, 0, copy.pairs, 0, pairs.length);
        System.arraycopy(meetings, 0, copy.meetings, 0, meetings.length);
        return copy;
    }

    void add(int position, long count) {
        int[] row = interactions.row(position);
        for (int d = 0; d < row.length; d++) {
            pairs[d] += count * Interactions.collides(row[d]);
            meetings[d] += count * Interactions.meetings(row[d]);
        }
    }

    void move(int from, int to) {
        add(from, -1);
        add(to, 1);
    }

    long pairs(int position) {
        return pairs[position];
    }

    long meetings(int position) {
        return meetings[position];
    }
}
